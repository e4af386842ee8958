package org.onedoor.tracking;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code onedoor.notifications}: how citizens hear of their requests. Each channel has a transport: {@code off}
 * (nothing is queued for it; the default, so that no phone number or address leaves OneDoor unconfigured),
 * {@code log} (the demo), {@code gateway} for SMS (an HTTP gateway) and {@code smtp} for e-mail.
 *
 * @param trackingPage the citizen's tracking page as the citizen reaches it, for the link in every message
 * @param maxAttempts  attempts before a message is FAILED and waits for an administrator
 * @param firstRetry   the wait after the first failure; it doubles with every further one, up to {@code maxRetry}
 * @param claimFor     how long a node holds the messages it is sending; a node that stops lets them go after it
 * @param batch        messages claimed at a time
 * @param poll         how often the outbox is looked at
 */
@ConfigurationProperties("onedoor.notifications")
public record NotificationSettings(Channel sms, Channel email, URI trackingPage, int maxAttempts, Duration firstRetry,
        Duration maxRetry, Duration claimFor, int batch, Duration poll) {

    public NotificationSettings {
        sms = sms == null ? Channel.OFF : sms;
        email = email == null ? Channel.OFF : email;
        trackingPage = trackingPage == null ? URI.create("http://localhost:8080/track.html") : trackingPage;
        maxAttempts = maxAttempts == 0 ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        claimFor = claimFor == null ? Duration.ofMinutes(2) : claimFor;
        batch = batch == 0 ? 20 : batch;
        poll = poll == null ? Duration.ofSeconds(2) : poll;
        for (Channel channel : new Channel[] {sms, email}) {
            if (channel.on() && claimFor.compareTo(channel.connectTimeout().plus(channel.responseTimeout())) <= 0) {
                throw new IllegalArgumentException("onedoor.notifications.claim-for (" + claimFor + ") must be longer"
                        + " than a channel's connect-timeout and response-timeout together: a message is only started"
                        + " when it can be finished within its claim");
            }
        }
    }

    /**
     * The tracking page for a request, in the citizen's language. Messages leave the code out (it stays on the
     * receipt); the receipt's link carries it, so that it opens the request at once.
     */
    public String trackingLink(String trackingNumber, String code, Language language) {
        UriComponentsBuilder link = UriComponentsBuilder.fromUri(trackingPage).queryParam("n", trackingNumber);
        if (code != null) {
            link.queryParam("c", code);
        }
        return link.queryParam("lang", language.name()).build().toUriString();
    }

    public Channel channel(NotificationChannel channel) {
        return channel == NotificationChannel.SMS ? sms : email;
    }

    /**
     * One channel's transport and where it goes.
     *
     * @param transport       {@code off}, {@code log}, {@code gateway} (SMS) or {@code smtp} (e-mail)
     * @param url             the SMS gateway's endpoint, or {@code smtp://host:port} / {@code smtps://host:port}
     * @param username        for the gateway's Basic authentication or the SMTP login
     * @param password        from the environment, never from a file in the repository
     * @param from            the sender: the SMS sender id or the e-mail address
     * @param connectTimeout  to the gateway or mail server
     * @param responseTimeout for its answer
     */
    public record Channel(String transport, URI url, String username, String password, String from,
            Duration connectTimeout, Duration responseTimeout) {

        static final Channel OFF = new Channel("off", null, null, null, null, null, null);

        public Channel {
            transport = transport == null ? "off" : transport;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(15) : responseTimeout;
        }

        public boolean on() {
            return !"off".equals(transport);
        }
    }
}
