package org.onedoor.simulator;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onedoor.simulator.*}: which MDAs the simulator plays, with whose keys, how fast it answers and how it
 * decides.
 *
 * @param oneDoorUrl    where the simulated MDAs send their answers (OneDoor's base address)
 * @param mdas          the MDA codes played
 * @param keys          folder holding {@code <mda>.key.pem} and {@code <mda>.pem} for each MDA played
 * @param trust         the certificate the MDAs trust for OneDoor ({@code odsc})
 * @param decisionDelay how long after its acknowledgement an MDA decides
 * @param clockSkew     how far a packet's creation time may be from the simulator's clock
 * @param slowness      how long a {@code SLOW} MDA takes before it answers
 * @param answerAttempts how often an MDA sends an answer OneDoor cannot take (unreachable, a server error)
 * @param answerRetryDelay how long it waits between those attempts
 * @param rules         the first matching rule decides; no match approves
 */
@ConfigurationProperties("onedoor.simulator")
public record SimulatorProperties(
        String oneDoorUrl,
        @DefaultValue List<String> mdas,
        @DefaultValue("file:certs/dev/") String keys,
        @DefaultValue("file:certs/dev/odsc.pem") String trust,
        @DefaultValue("3s") Duration decisionDelay,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("30s") Duration slowness,
        @DefaultValue("10") int answerAttempts,
        @DefaultValue("2s") Duration answerRetryDelay,
        @DefaultValue List<Rule> rules) {

    /**
     * When the request's form field {@code field} equals {@code equals} at {@code mda} (any MDA if empty): the
     * outcome {@code approved}, {@code rejected} (with {@code reason}) or {@code information} (asks the applicant
     * {@code reason} and for {@code documents}, then approves once the answer comes).
     */
    public record Rule(String mda, String field, String equals, String outcome, String reason, List<String> documents) {
        public Rule {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }
}
