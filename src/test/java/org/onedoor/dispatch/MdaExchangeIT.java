package org.onedoor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketType;
import org.onedoor.simulator.SimulatedMdas;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/**
 * Requests travelling to the simulated ministry systems and back: the fire service over SOAP, the department
 * of environment over REST, each failure the simulator can play, and what OneDoor does about it.
 */
@DemoIntegrationTest
class MdaExchangeIT {

    private static final String FIRE = "fire-service";
    private static final String ENVIRONMENT = "environment";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SimulatedMdas simulator;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    OneDoorClient client;

    @BeforeEach
    void client() {
        client = new OneDoorClient(http);
        // The simulator's failures and attempt counts are per MDA: let what earlier tests set going (a
        // cancellation after a rejection, say) reach its MDA first, so that it neither spends nor adds to them.
        OneDoorClient.await("no job of an earlier test left", () ->
                management.createJobQuery().messages().withRetriesLeft().count() == 0 ? true : null);
    }

    @AfterEach
    void heal() {
        simulator.heal(FIRE);
        simulator.heal(ENVIRONMENT);
    }

    private record Filed(String number, String code) {
    }

    /** A trade licence for an industrial business: the fire service and the environment department both take part. */
    private Filed file(String category) {
        MultiValueMap<String, Object> parts = OneDoorClient.example("trade-licence");
        if (!category.equals("industrial")) {
            String json = ((org.springframework.http.HttpEntity<?>) parts.getFirst("request")).getBody().toString()
                    .replace("\"industrial\"", "\"" + category + "\"");
            parts.set("request", new org.springframework.http.HttpEntity<>(json,
                    ((org.springframework.http.HttpEntity<?>) parts.getFirst("request")).getHeaders()));
        }
        JsonNode body = client.file("frontdesk", parts).getBody();
        return new Filed(body.path("trackingNumber").asText(), body.path("trackingCode").asText());
    }

    private UUID packetId(Filed filed, String mda) {
        return OneDoorClient.await("the packet for " + mda, () -> jdbc.sql(
                        "select packet_id from mda_delivery where tracking_number = ? and mda_code = ?")
                .params(filed.number(), mda).query(String.class).optional().map(UUID::fromString).orElse(null));
    }

    private List<String> timeline(Filed filed) {
        return client.track(filed.number(), filed.code()).getBody().path("timeline").findValuesAsText("message");
    }

    private Job sendJob(Filed filed, String mda) {
        return OneDoorClient.await("the send job for " + mda, () -> {
            ProcessInstance exchange = runtime.createProcessInstanceQuery().processDefinitionKey("MdaExchange")
                    .processInstanceBusinessKey(filed.number()).variableValueEquals("mdaCode", mda).singleResult();
            return exchange == null ? null
                    : management.createJobQuery().processInstanceId(exchange.getId()).activityId("Task_SendPacket").singleResult();
        });
    }

    /** An industrial trade licence, once both MDA systems' approvals are on its timeline. */
    private Filed approvedByBoth() {
        Filed filed = file("industrial");
        awaitLine(filed, "Approved by Fire Service and Civil Defence.");
        awaitLine(filed, "Approved by Department of Environment.");
        return filed;
    }

    private void awaitLine(Filed filed, String line) {
        OneDoorClient.await("'" + line + "' on the timeline", () -> timeline(filed).contains(line) ? true : null);
    }

    @Test
    void bothTransportsCarryTheSignedPacketOnceAndTheAnswersComeBackSignedAndLogged() {
        Filed filed = approvedByBoth();
        for (String mda : List.of(FIRE, ENVIRONMENT)) {
            UUID id = packetId(filed, mda);
            assertThat(simulator.processed(id)).as(mda + " processed").isOne();
            assertThat(simulator.duplicates(id)).as(mda + " duplicates").isZero();
            assertThat(jdbc.sql("""
                    select packet_type from message_log where tracking_number = ? and party = ? order by id""")
                    .params(filed.number(), mda).query(String.class).list())
                    .as(mda + " in the message log")
                    .containsSubsequence("request", "receipt", "acknowledgement", "receipt", "decision", "receipt");
            assertThat(jdbc.sql("""
                    select d.name from mda_answer_document d join mda_answer a on a.packet_id = d.packet_id
                    where a.request_packet_id = ?""").param(id.toString()).query(String.class).list())
                    .as("the clearance the MDA issued").containsExactly("clearance");
        }
        assertThat(jdbc.sql("select count(*) from leg_message where tracking_number = ? and delivered_at is null")
                .param(filed.number()).query(Long.class).single()).as("every answer reached its process").isZero();

        // The citizen sees the issued clearances on tracking and downloads them with the receipt's number and code.
        JsonNode issued = http.getForObject("/api/track/{n}?code={c}", JsonNode.class, filed.number(), filed.code())
                .path("issuedDocuments");
        assertThat(issued.findValuesAsText("mdaCode")).containsExactlyInAnyOrder(FIRE, ENVIRONMENT);
        String href = issued.get(0).path("href").asText();
        ResponseEntity<byte[]> download = http.getForEntity(href + "?code={c}", byte[].class, filed.code());
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("clearance.pdf");
        assertThat(new String(download.getBody(), java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("%PDF-").contains(filed.number());
        assertThat(http.getForEntity(href + "?code=WRONG", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.sql("""
                select count(*) from document_download where tracking_number = ? and citizen and downloaded_by = 'citizen'""")
                .param(filed.number()).query(Long.class).single()).as("the download recorded").isOne();
    }

    @Test
    void theFirstFailuresAreRedeliveredInTheRouteAndThePacketIsProcessedExactlyOnce() {
        simulator.fail(FIRE, Failure.ERROR, 2);
        simulator.fail(ENVIRONMENT, Failure.ERROR, 2);
        int fireBefore = simulator.attempts(FIRE);
        int environmentBefore = simulator.attempts(ENVIRONMENT);
        Filed filed = approvedByBoth();
        assertThat(simulator.attempts(FIRE) - fireBefore).as("SOAP: two server faults, then success").isEqualTo(3);
        assertThat(simulator.attempts(ENVIRONMENT) - environmentBefore).as("REST: two 500s, then success").isEqualTo(3);
        for (String mda : List.of(FIRE, ENVIRONMENT)) {
            assertThat(simulator.processed(packetId(filed, mda))).isOne();
            assertThat(simulator.duplicates(packetId(filed, mda))).isZero();
        }
    }

    @Test
    void anMdaThatStaysDownBecomesAnIncidentAndTheOperatorsRetryDeliversOnce() {
        simulator.fail(ENVIRONMENT, Failure.DOWN, 0);
        int before = simulator.attempts(ENVIRONMENT);
        Filed filed = file("industrial");
        Job failed = OneDoorClient.await("the retries spent (R5/PT1S in the tests)", () -> {
            Job job = sendJob(filed, ENVIRONMENT);
            return job.getRetries() == 0 ? job : null;
        });
        assertThat(failed.getExceptionMessage()).contains("Delivery to environment", "503");
        assertThat(simulator.attempts(ENVIRONMENT) - before)
                .as("5 job runs of 1 + 2 redeliveries each, as docs/connectors.md says; the HTTP client adds none")
                .isEqualTo(15);
        assertThat(runtime.createIncidentQuery().incidentType("failedJob")
                .configuration(failed.getId()).count()).as("an incident for Cockpit").isOne();
        int attempts = simulator.attempts(ENVIRONMENT);

        simulator.heal(ENVIRONMENT);
        management.setJobRetries(failed.getId(), 1); // what "Retry" in Cockpit does
        awaitLine(filed, "Approved by Department of Environment.");
        UUID id = packetId(filed, ENVIRONMENT);
        assertThat(simulator.attempts(ENVIRONMENT) - attempts).as("one more attempt after the retry").isOne();
        assertThat(simulator.processed(id)).isOne();
        assertThat(simulator.duplicates(id)).isZero();
        assertThat(jdbc.sql("select count(*) from message_log where packet_id = ? and direction = 'OUT'")
                .param(id.toString()).query(Integer.class).single())
                .as("six job runs with one packet id; the one that got through is logged").isEqualTo(1);
    }

    @Test
    void aReplyLostOnTheWayIsRecoveredWithTheReceiptTheMdaGaveTheFirstTime() {
        simulator.fail(FIRE, Failure.LOST, 1);
        simulator.fail(ENVIRONMENT, Failure.LOST, 1);
        Filed filed = approvedByBoth();
        for (String mda : List.of(FIRE, ENVIRONMENT)) {
            // Two arrivals of the packet over SOAP (fire) and REST (environment): the one whose reply was lost,
            // and the resend, answered with the first receipt.
            UUID id = packetId(filed, mda);
            assertThat(simulator.processed(id)).as(mda + " processed the request once").isOne();
            assertThat(simulator.duplicates(id)).as(mda + " knew the one resend by its id").isOne();
            assertThat(jdbc.sql("""
                    select count(*) from message_log where tracking_number = ? and party = ? and direction = 'IN'
                    and packet_type = 'receipt'""").params(filed.number(), mda).query(Integer.class).single())
                    .as(mda + ": the first receipt, taken once").isEqualTo(1);
        }
    }

    @Test
    void anAnswerHeldPastTheClockWindowIsRefusedThenTakenOnceSignedAnewWithItsPacketId() {
        simulator.fail(FIRE, Failure.BACKLOGGED, 1);
        simulator.fail(ENVIRONMENT, Failure.BACKLOGGED, 1);
        Filed filed = approvedByBoth();
        Instant windowStart = Instant.now().minus(Duration.ofMinutes(5));
        for (String mda : List.of(FIRE, ENVIRONMENT)) {
            List<byte[]> answers = jdbc.sql("""
                    select manifest from message_log where tracking_number = ? and party = ? and direction = 'IN'
                    and packet_type in ('acknowledgement', 'decision')""")
                    .params(filed.number(), mda).query(byte[].class).list();
            assertThat(answers).as(mda + ": the acknowledgement and the decision, each taken once").hasSize(2);
            assertThat(answers).extracting(m -> Manifest.fromCanonical(m).createdAt())
                    .as(mda + ": each taken as signed anew, inside the clock window")
                    .allSatisfy(createdAt -> assertThat(createdAt).isAfter(windowStart));
        }
    }

    @Test
    void eachMdaReceivesOnlyTheDocumentsAndFieldsItsPartNeeds() {
        Filed filed = approvedByBoth();
        Manifest environment = simulator.packets(ENVIRONMENT, filed.number(), PacketType.REQUEST).get(0);
        assertThat(environment.documents()).extracting(Manifest.DocumentEntry::name)
                .containsExactlyInAnyOrder("national-id", "premises-lease");
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) environment.payload().get("form");
        assertThat(form).containsOnlyKeys("businessName", "businessCategory", "premisesAddress");
        Manifest fire = simulator.packets(FIRE, filed.number(), PacketType.REQUEST).get(0);
        assertThat(fire.documents()).extracting(Manifest.DocumentEntry::name)
                .containsExactlyInAnyOrder("national-id", "premises-lease", "fire-safety-plan");
        assertThat(((Map<?, ?>) fire.payload().get("form")).containsKey("paidUpCapital")).as("the fire service gets the whole form").isTrue();
    }

    @Test
    void aMalformedReplyIsNotRedeliveredInTheRouteButRetriedByTheJob() {
        simulator.fail(FIRE, Failure.MALFORMED, 1);
        int before = simulator.attempts(FIRE);
        Filed filed = file("industrial");
        awaitLine(filed, "Approved by Fire Service and Civil Defence.");
        assertThat(simulator.attempts(FIRE) - before).as("one malformed reply, not redelivered; then the job's retry")
                .isEqualTo(2);
        assertThat(simulator.processed(packetId(filed, FIRE))).isOne();
    }

    @Test
    void aRefusalByTheMdaSystemIsABusinessOutcomeOverBothTransports() {
        for (String mda : List.of(FIRE, ENVIRONMENT)) {
            // The other MDA signs for its packet and stays silent, so that its answers do not race the refusal.
            String other = mda.equals(FIRE) ? ENVIRONMENT : FIRE;
            simulator.fail(other, Failure.MUTE, 0);
            simulator.fail(mda, Failure.REFUSE, 0);
            Filed filed = file("industrial");
            JsonNode status = client.awaitState(filed.number(), filed.code(), "REJECTED");
            assertThat(status.path("timeline").findValuesAsText("message"))
                    .anyMatch(m -> m.contains("refused the request (mda.cannot-process)"));
            simulator.heal(mda);
            simulator.heal(other);
        }
    }

    @Test
    void theMinistrysRuleRejectsAHazardousBusiness() {
        // Only the environment department answers: its rejection does not race the fire service's approval here.
        simulator.fail(FIRE, Failure.MUTE, 0);
        Filed filed = file("hazardous");
        JsonNode status = client.awaitState(filed.number(), filed.code(), "REJECTED");
        assertThat(status.path("timeline").findValuesAsText("message")).contains(
                "Rejected by Department of Environment: Hazardous processing needs an environmental impact "
                        + "assessment before clearance.");
    }
}
