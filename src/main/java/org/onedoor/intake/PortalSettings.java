package org.onedoor.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onedoor.portal}: self-service filing from home, with a one-time code sent by SMS to the applicant's number.
 *
 * @param codeValidFor    how long a code may be used
 * @param codeInterval    the least time between two codes to the same number
 * @param codesPerNumber  codes one number is sent per {@code window}
 * @param codesPerClient  codes one client address may ask for per {@code window}
 * @param attempts        wrong tries a code allows before it is spent
 * @param filingsPerDay   requests one number may file through the portal in 24 hours
 * @param sessionFor      how long a signed-in citizen may stay idle
 */
@ConfigurationProperties("onedoor.portal")
public record PortalSettings(Duration codeValidFor, Duration codeInterval, int codesPerNumber, int codesPerClient,
        Duration window, int attempts, int filingsPerDay, Duration sessionFor) {

    public PortalSettings {
        codeValidFor = codeValidFor == null ? Duration.ofMinutes(10) : codeValidFor;
        codeInterval = codeInterval == null ? Duration.ofSeconds(60) : codeInterval;
        codesPerNumber = codesPerNumber == 0 ? 3 : codesPerNumber;
        codesPerClient = codesPerClient == 0 ? 10 : codesPerClient;
        window = window == null ? Duration.ofHours(1) : window;
        attempts = attempts == 0 ? 5 : attempts;
        filingsPerDay = filingsPerDay == 0 ? 5 : filingsPerDay;
        sessionFor = sessionFor == null ? Duration.ofMinutes(30) : sessionFor;
    }
}
