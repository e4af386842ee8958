package org.onedoor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.MinistryClient;
import org.onedoor.OneDoorClient;
import org.onedoor.Scrape;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.simulator.SimulatedMdas;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code onedoor_*} meters at {@code /actuator/prometheus}, for supervisors and administrators only, move as a
 * request travels: filed, routed, its packets delivered to the simulated ministries and answered, a forged answer
 * refused for its signature, and an answer that comes after its MDA's due date counted as an SLA breach.
 * Escalations move in {@code EscalationIT}, which has the engine's clock to itself.
 */
@DemoIntegrationTest
class MetricsIT {

    private static final String FIRE = "fire-service";
    private static final String ENVIRONMENT = "environment";
    private static final String PROMETHEUS = "/actuator/prometheus";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SimulatedMdas simulator;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void heal() {
        simulator.heal(FIRE);
    }

    @Test
    void onlySupervisorsAndAdministratorsReadTheMetrics() {
        assertThat(http.getForEntity(PROMETHEUS, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("frontdesk", OneDoorClient.PASSWORD).getForEntity(PROMETHEUS, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("admin", OneDoorClient.PASSWORD).getForEntity(PROMETHEUS, String.class)
                .getStatusCode().value()).isEqualTo(200);
        Scrape scrape = Scrape.of(http);
        assertThat(scrape.has("onedoor_jobs_due")).as("the job executor's backlog").isTrue();
        assertThat(scrape.has("onedoor_incidents")).isTrue();
        assertThat(scrape.has("onedoor_outbox_messages")).as("the outbox's backlog").isTrue();
        assertThat(scrape.value("onedoor_outbox_messages", "status", "FAILED")).isZero();
    }

    @Test
    void theCountersMoveAsARequestTravelsAndAnMdaAnswersForgedThenLate() {
        Scrape before = Scrape.of(http);
        // The fire service signs for the request and then stays silent: its answers are the test's to send.
        simulator.fail(FIRE, Failure.MUTE, 0);
        JsonNode filed = new OneDoorClient(http).file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
        String number = filed.path("trackingNumber").asText();
        String requestPacketId = OneDoorClient.await("the fire service's packet", () -> jdbc.sql(
                "select packet_id from mda_delivery where tracking_number = ? and mda_code = ? and sent_at is not null")
                .params(number, FIRE).query(String.class).optional().orElse(null));
        // As far as its clock knows, the fire service got the request 60 days ago: its 15 working days are over.
        jdbc.sql("update request_leg set started_at = ? where tracking_number = ? and mda_code = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(60))), number, FIRE).update();

        MinistryClient ministry = new MinistryClient(http, port);
        SignedPacket decision = MinistryClient.packet(FIRE, PacketType.DECISION, number,
                MinistryClient.payload(requestPacketId, "outcome", "approved"));
        SignedPacket another = MinistryClient.packet(FIRE, PacketType.DECISION, number,
                MinistryClient.payload(requestPacketId, "outcome", "rejected", "reason", "Not this one."));
        ResponseEntity<JsonNode> forged = ministry.post("decisions", decision.manifest(), another.signature(), Map.of());
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(forged.getBody().path("code").asText()).isEqualTo("signature.invalid");
        ResponseEntity<JsonNode> taken = ministry.post("decisions", decision);
        assertThat(taken.getStatusCode().value()).as(String.valueOf(taken.getBody())).isEqualTo(200);

        // The environment department's simulated system answers by itself.
        Scrape after = awaitScrape(s -> increase(before, s, "onedoor_packets_total", "mda", ENVIRONMENT,
                "direction", "in", "type", "decision", "outcome", "accepted") >= 1);

        assertThat(increase(before, after, "onedoor_requests_total", "service", "trade-licence", "channel", "counter"))
                .as("one request filed at the counter").isEqualTo(1);
        assertThat(increase(before, after, "onedoor_request_state_changes_total", "from", "RECEIVED", "to",
                "IN_PROGRESS")).as("routed").isGreaterThanOrEqualTo(1);
        for (String mda : new String[] {FIRE, ENVIRONMENT}) {
            assertThat(increase(before, after, "onedoor_packets_total", "mda", mda, "direction", "out", "type",
                    "request", "outcome", "delivered")).as("the request packet delivered to " + mda)
                    .isGreaterThanOrEqualTo(1);
            assertThat(increase(before, after, "onedoor_delivery_seconds_count", "mda", mda, "outcome", "delivered"))
                    .as("its delivery timed").isGreaterThanOrEqualTo(1);
            assertThat(increase(before, after, "onedoor_leg_state_changes_total", "mda", mda, "from", "PENDING",
                    "to", "SENT")).isGreaterThanOrEqualTo(1);
        }
        assertThat(after.value("onedoor_delivery_seconds_bucket", "mda", FIRE, "outcome", "delivered", "le", "+Inf"))
                .as("a histogram Prometheus can take quantiles of").isPositive();
        assertThat(increase(before, after, "onedoor_packets_total", "mda", FIRE, "direction", "in", "type",
                "decision", "outcome", "accepted")).as("the fire service's decision").isEqualTo(1);
        assertThat(increase(before, after, "onedoor_packets_total", "mda", FIRE, "direction", "in", "type",
                "decision", "outcome", "refused")).as("the forged one").isEqualTo(1);
        assertThat(increase(before, after, "onedoor_packet_verification_failures_total", "mda", FIRE, "code",
                "signature.invalid")).isEqualTo(1);
        assertThat(increase(before, after, "onedoor_leg_state_changes_total", "mda", FIRE, "from", "SENT", "to",
                "APPROVED")).isEqualTo(1);
        assertThat(increase(before, after, "onedoor_sla_breaches_total", "service", "trade-licence", "mda", FIRE))
                .as("decided 60 days after it got the request").isEqualTo(1);
        assertThat(increase(before, after, "onedoor_sla_breaches_total", "service", "trade-licence", "mda",
                ENVIRONMENT)).as("decided at once").isZero();
    }

    private Scrape awaitScrape(Predicate<Scrape> ready) {
        return OneDoorClient.await("the metrics to move", () -> {
            Scrape scrape = Scrape.of(http);
            return ready.test(scrape) ? scrape : null;
        });
    }

    private static double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
