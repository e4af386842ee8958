package org.onedoor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.MinistryClient;
import org.onedoor.OneDoorClient;
import org.onedoor.dispatch.contract.OneDoorMdaPort;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.simulator.SimulatedMdas;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/**
 * A request's lifecycle end to end: outcomes that stay final, every MDA told when a request ends, information
 * asked of the applicant and answered, and MDAs that answer at the same instant. The simulated fire service
 * (SOAP) and environment department (REST) take packets and stay silent; the test answers in their place, as
 * their systems would.
 */
@DemoIntegrationTest
class LifecycleIT {

    private static final String FIRE = "fire-service";
    private static final String ENVIRONMENT = "environment";
    private static final byte[] PDF = pdf();

    @Autowired
    TestRestTemplate http;
    @Autowired
    SimulatedMdas simulator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @LocalServerPort
    int port;

    OneDoorClient client;
    MinistryClient ministry;

    private record Filed(String number, String code) {
    }

    @BeforeEach
    void silentMinistries() {
        client = new OneDoorClient(http);
        ministry = new MinistryClient(http, port);
        simulator.fail(FIRE, Failure.MUTE, 0);
        simulator.fail(ENVIRONMENT, Failure.MUTE, 0);
    }

    @AfterEach
    void heal() {
        simulator.heal(FIRE);
        simulator.heal(ENVIRONMENT);
    }

    /** A trade licence of the category; industrial and hazardous ones go to both MDA systems and the city corporation. */
    private Filed file(String category) {
        MultiValueMap<String, Object> parts = OneDoorClient.example("trade-licence");
        HttpEntity<?> request = (HttpEntity<?>) parts.getFirst("request");
        parts.set("request", new HttpEntity<>(request.getBody().toString().replace("\"industrial\"", "\"" + category + "\""),
                request.getHeaders()));
        JsonNode body = client.file("frontdesk", parts).getBody();
        return new Filed(body.path("trackingNumber").asText(), body.path("trackingCode").asText());
    }

    /** Waits until the MDA's system has signed for the request packet; returns the packet's id. */
    private String delivered(Filed filed, String mda) {
        return OneDoorClient.await(mda + " has the request", () -> jdbc.sql("""
                select packet_id from mda_delivery where tracking_number = ? and mda_code = ? and packet_type = 'request'
                and sent_at is not null""").params(filed.number(), mda).query(String.class).optional().orElse(null));
    }

    private String legState(Filed filed, String mda) {
        return jdbc.sql("select state from request_leg where tracking_number = ? and mda_code = ?")
                .params(filed.number(), mda).query(String.class).single();
    }

    private String state(Filed filed) {
        return client.track(filed.number(), filed.code()).getBody().path("state").asText();
    }

    private List<String> timeline(Filed filed) {
        return client.track(filed.number(), filed.code()).getBody().path("timeline").findValuesAsText("message");
    }

    /** Waits until no process of the request runs any more: every MDA's part is over, every MDA told. */
    private void processesEnd(Filed filed) {
        OneDoorClient.await("the processes of " + filed.number() + " to end", () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(filed.number()).count() == 0 ? true : null);
    }

    private int cancellations(Filed filed, String mda) {
        return simulator.packets(mda, filed.number(), PacketType.CANCELLATION).size();
    }

    private static Map<String, Object> decision(String requestPacketId, String outcome, String reason) {
        return reason == null ? MinistryClient.payload(requestPacketId, "outcome", outcome)
                : MinistryClient.payload(requestPacketId, "outcome", outcome, "reason", reason);
    }

    private void decideOverRest(Filed filed, String mda, String requestPacketId, String outcome, String reason) {
        ResponseEntity<JsonNode> answer = ministry.post("decisions", MinistryClient.packet(mda, PacketType.DECISION,
                filed.number(), decision(requestPacketId, outcome, reason)));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    }

    private JsonNode decideOverSoap(OneDoorMdaPort port, Filed filed, String mda, String requestPacketId, String outcome,
            String reason) throws PacketFault {
        SignedPacket decision = MinistryClient.packet(mda, PacketType.DECISION, filed.number(),
                decision(requestPacketId, outcome, reason));
        return MinistryClient.receipt(port.decide(new SoapPacket(decision.manifest(), decision.signature(), List.of())));
    }

    @Test
    void anAnswerAfterTheEndIsReceiptedLoggedShownAfterTheOutcomeAndChangesNothing() throws Exception {
        Filed filed = file("industrial");
        String environment = delivered(filed, ENVIRONMENT);
        String fire = delivered(filed, FIRE);
        assertThat(client.withdraw(filed.number(), filed.code(), "The applicant closed the business.")
                .getStatusCode().value()).isEqualTo(200);

        SignedPacket late = MinistryClient.packet(ENVIRONMENT, PacketType.DECISION, filed.number(),
                MinistryClient.payload(environment, "outcome", "approved"));
        ResponseEntity<JsonNode> rest = ministry.post("decisions", late);
        assertThat(rest.getStatusCode().value()).isEqualTo(200);
        assertThat(OneDoorClient.manifestOf(rest.getBody()).path("payload").path("outcome").asText()).isEqualTo("late");
        JsonNode soap = decideOverSoap(ministry.soap(), filed, FIRE, fire, "approved", null);
        assertThat(soap.path("payload").path("outcome").asText()).isEqualTo("late");

        JsonNode status = client.track(filed.number(), filed.code()).getBody();
        assertThat(status.path("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.path("legs").findValuesAsText("state")).containsOnly("CANCELLED");
        List<JsonNode> lateLines = new ArrayList<>();
        status.path("timeline").forEach(step -> {
            if (step.path("kind").asText().equals("LATE_ANSWER")) {
                lateLines.add(step);
            }
        });
        assertThat(lateLines).hasSize(2).allMatch(step -> step.path("afterOutcome").asBoolean());
        assertThat(lateLines.get(0).path("message").asText())
                .isEqualTo("Department of Environment sent its decision after the request had ended. The outcome stands.");
        assertThat(jdbc.sql("select count(*) from message_log where packet_id = ? and direction = 'IN'")
                .param(MinistryClient.idOf(late).toString()).query(Long.class).single()).as("logged").isOne();
        assertThat(jdbc.sql("select late from mda_answer where packet_id = ?").param(MinistryClient.idOf(late).toString())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRejectionEndsTheRequestTellsTheOtherSystemAndClosesTheOfficersTask() {
        Filed filed = file("hazardous");
        String environment = delivered(filed, ENVIRONMENT);
        delivered(filed, FIRE);
        OneDoorClient.await("the city corporation's task", () -> client.tasks("city-corporation-desk", filed.number(),
                "city-corporation-desk").isEmpty() ? null : true);

        decideOverRest(filed, ENVIRONMENT, environment, "rejected", "An environmental impact assessment is needed.");

        assertThat(client.awaitState(filed.number(), filed.code(), "REJECTED").path("legs").findValuesAsText("state"))
                .containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "REJECTED");
        processesEnd(filed);
        assertThat(cancellations(filed, FIRE)).as("the fire service's system is told, once").isOne();
        assertThat(cancellations(filed, ENVIRONMENT)).as("the environment department decided itself").isZero();
        Manifest notice = simulator.packets(FIRE, filed.number(), PacketType.CANCELLATION).get(0);
        assertThat(notice.payload()).containsEntry("outcome", "rejected");
        assertThat(timeline(filed)).contains("Fire Service and Civil Defence was told that the request has ended.");
        assertClosedWithReason(filed, "rejected (An environmental impact assessment is needed.)");
    }

    @Test
    void aWithdrawalTellsBothSystemsAndClosesTheOfficersTask() {
        Filed filed = file("industrial");
        delivered(filed, ENVIRONMENT);
        delivered(filed, FIRE);
        OneDoorClient.await("the city corporation's task", () -> client.tasks("city-corporation-desk", filed.number(),
                "city-corporation-desk").isEmpty() ? null : true);

        ResponseEntity<JsonNode> withdrawn = client.withdraw(filed.number(), filed.code(), "Moved to Chattogram.");
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        JsonNode notice = OneDoorClient.manifestOf(withdrawn.getBody().path("notice"));
        assertThat(notice.path("type").asText()).isEqualTo("withdrawal");
        assertThat(notice.path("recipient").asText()).isEqualTo("applicant");
        assertThat(jdbc.sql("select packet_type from message_log where packet_id = ?").param(notice.path("packetId").asText())
                .query(String.class).single()).isEqualTo("withdrawal");

        processesEnd(filed);
        assertThat(cancellations(filed, FIRE)).isOne();
        assertThat(cancellations(filed, ENVIRONMENT)).isOne();
        assertThat(simulator.packets(ENVIRONMENT, filed.number(), PacketType.CANCELLATION).get(0).payload())
                .containsEntry("outcome", "withdrawn").containsEntry("reason", "Moved to Chattogram.");
        assertThat(state(filed)).isEqualTo("WITHDRAWN");
        assertClosedWithReason(filed, "withdrawn (Moved to Chattogram.)");
    }

    @Test
    void anAdministratorsCancellationTellsBothSystemsToo() {
        Filed filed = file("industrial");
        delivered(filed, ENVIRONMENT);
        delivered(filed, FIRE);
        ResponseEntity<JsonNode> cancelled = client.cancel(filed.number(), "Filed twice by mistake.");
        assertThat(cancelled.getStatusCode().value()).as(String.valueOf(cancelled.getBody())).isEqualTo(200);
        assertThat(OneDoorClient.manifestOf(cancelled.getBody().path("notice")).path("type").asText()).isEqualTo("cancellation");
        processesEnd(filed);
        assertThat(cancellations(filed, FIRE)).isOne();
        assertThat(cancellations(filed, ENVIRONMENT)).isOne();
        assertThat(timeline(filed)).contains("Cancelled by the One-Door Service Centre: Filed twice by mistake.");
        assertClosedWithReason(filed, "cancelled (Filed twice by mistake.)");
    }

    private void assertClosedWithReason(Filed filed, String reason) {
        List<HistoricTaskInstance> closed = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(filed.number()).list();
        assertThat(closed).isNotEmpty().allMatch(t -> t.getEndTime() != null);
        assertThat(tasks.getTaskComments(closed.get(0).getId()).get(0).getFullMessage())
                .isEqualTo("Closed without a decision: the request was " + reason + ".");
    }

    @Test
    void eachForbiddenChangeHasItsOwnCodeAndChangesNothing() {
        Filed filed = file("retail");
        ResponseEntity<JsonNode> wrongCode = client.withdraw(filed.number(), "AAAAA-AAAAA", "No longer needed.");
        assertThat(wrongCode.getStatusCode().value()).isEqualTo(403);
        assertThat(wrongCode.getBody().path("code").asText()).isEqualTo("tracking.code-mismatch");
        ResponseEntity<JsonNode> notAsked = client.answer(filed.number(), filed.code(), null, "Here it is.", Map.of());
        assertThat(notAsked.getStatusCode().value()).isEqualTo(409);
        assertThat(notAsked.getBody().path("code").asText()).isEqualTo("information.not-requested");
        ResponseEntity<JsonNode> noReason = client.withdraw(filed.number(), filed.code(), " ");
        assertThat(noReason.getStatusCode().value()).isEqualTo(422);
        assertThat(noReason.getBody().path("errors").findValuesAsText("path")).containsExactly("reason");
        assertThat(state(filed)).isIn("RECEIVED", "IN_PROGRESS");

        assertThat(client.withdraw(filed.number(), filed.code(), "No longer needed.").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> twice = client.withdraw(filed.number(), filed.code(), "No longer needed.");
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody().path("code").asText()).isEqualTo("request.already-withdrawn");
        ResponseEntity<JsonNode> cancel = client.cancel(filed.number(), "Too late.");
        assertThat(cancel.getStatusCode().value()).isEqualTo(409);
        assertThat(cancel.getBody().path("code").asText()).isEqualTo("request.ended");
        assertThat(state(filed)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from message_log where tracking_number = ? and packet_type = 'withdrawal'")
                .param(filed.number()).query(Long.class).single()).as("one signed withdrawal").isOne();
    }

    @Test
    void anInformationRequestRoundTripWithBothMdaSystems() throws Exception {
        Filed filed = file("industrial");
        String environment = delivered(filed, ENVIRONMENT);
        String fire = delivered(filed, FIRE);

        // The environment department asks over REST, for a document the catalogue knows.
        ResponseEntity<JsonNode> asked = ministry.post("information-requests", MinistryClient.packet(ENVIRONMENT,
                PacketType.INFO_REQUEST, filed.number(), MinistryClient.payload(environment,
                        "question", "Send the effluent treatment plan.", "documents", List.of("fire-safety-plan"))));
        assertThat(asked.getStatusCode().value()).as(String.valueOf(asked.getBody())).isEqualTo(200);
        JsonNode waiting = client.awaitState(filed.number(), filed.code(), "WAITING_FOR_APPLICANT");
        assertThat(legState(filed, ENVIRONMENT)).isEqualTo("WAITING_FOR_APPLICANT");
        assertThat(legState(filed, FIRE)).as("the other MDA carries on").isEqualTo("SENT");
        JsonNode question = waiting.path("questions").get(0);
        assertThat(question.path("question").asText()).isEqualTo("Send the effluent treatment plan.");

        ResponseEntity<JsonNode> missing = client.answer(filed.number(), filed.code(), question.path("id").asText(),
                "Attached.", Map.of());
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(missing.getBody().path("code").asText()).isEqualTo("request.invalid");
        assertThat(missing.getBody().path("errors").findValuesAsText("code")).containsExactly("document.missing");
        ResponseEntity<JsonNode> wrongType = client.answer(filed.number(), filed.code(), question.path("id").asText(),
                "Attached.", Map.of("fire-safety-plan", "not a pdf".getBytes()));
        assertThat(wrongType.getBody().path("errors").findValuesAsText("code")).containsExactly("document.type-not-allowed");
        assertThat(state(filed)).as("nothing changed").isEqualTo("WAITING_FOR_APPLICANT");

        ResponseEntity<JsonNode> answered = client.answer(filed.number(), filed.code(), question.path("id").asText(),
                "The plan is attached.", Map.of("fire-safety-plan", PDF));
        assertThat(answered.getStatusCode().value()).as(String.valueOf(answered.getBody())).isEqualTo(200);
        assertThat(state(filed)).isEqualTo("IN_PROGRESS");
        Manifest information = OneDoorClient.await("the information packet at the environment department", () ->
                simulator.packets(ENVIRONMENT, filed.number(), PacketType.INFORMATION).stream().findFirst().orElse(null));
        assertThat(information.payload()).containsEntry("answer", "The plan is attached.")
                .containsEntry("requestPacketId", environment);
        assertThat(information.documents()).extracting(Manifest.DocumentEntry::name).containsExactly("fire-safety-plan");

        // The fire service asks over SOAP, a question without documents.
        OneDoorMdaPort soap = ministry.soap();
        SignedPacket fireAsks = MinistryClient.packet(FIRE, PacketType.INFO_REQUEST, filed.number(),
                MinistryClient.payload(fire, "question", "Which floor is the boiler room on?"));
        soap.requestInformation(new SoapPacket(fireAsks.manifest(), fireAsks.signature(), List.of()));
        client.awaitState(filed.number(), filed.code(), "WAITING_FOR_APPLICANT");
        assertThat(client.answer(filed.number(), filed.code(), null, "The ground floor.", Map.of())
                .getStatusCode().value()).isEqualTo(200);
        Manifest fireInformation = OneDoorClient.await("the information packet at the fire service", () ->
                simulator.packets(FIRE, filed.number(), PacketType.INFORMATION).stream().findFirst().orElse(null));
        assertThat(fireInformation.payload()).containsEntry("answer", "The ground floor.");

        decideOverRest(filed, ENVIRONMENT, environment, "approved", null);
        decideOverSoap(soap, filed, FIRE, fire, "approved", null);
        for (String group : List.of("city-corporation-desk", "city-corporation-head", "city-corporation-director")) {
            client.decide(filed.number(), group, "approve", null);
        }
        client.awaitState(filed.number(), filed.code(), "APPROVED");
        assertThat(jdbc.sql("""
                select count(*) from information_request where tracking_number = ? and asked_at is not null
                and ended_at >= asked_at and end_reason = 'answered'""").param(filed.number()).query(Long.class).single())
                .as("both waiting intervals recorded").isEqualTo(2);
    }

    @Test
    void anOfficerAsksTheApplicantForADocumentAndTheAnswerComesBackToTheOfficer() {
        MultiValueMap<String, Object> allowance = OneDoorClient.example("social-safety-net-allowance");
        JsonNode body = client.file("frontdesk", allowance).getBody();
        Filed filed = new Filed(body.path("trackingNumber").asText(), body.path("trackingCode").asText());
        JsonNode task = OneDoorClient.await("the desk task", () -> {
            List<JsonNode> found = client.tasks("social-services-desk", filed.number(), "social-services-desk");
            return found.isEmpty() ? null : found.get(0);
        });
        var officer = http.withBasicAuth("social-services-desk", OneDoorClient.PASSWORD);
        officer.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "social-services-desk"), Void.class,
                task.path("id").asText());
        ResponseEntity<String> asked = officer.postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", Map.of(
                "decision", Map.of("value", "request-information"),
                "comment", Map.of("value", "Bring the income certificate signed by the union chairman."),
                "requestedDocuments", Map.of("value", "income-certificate"))), String.class, task.path("id").asText());
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isIn(200, 204);
        JsonNode waiting = client.awaitState(filed.number(), filed.code(), "WAITING_FOR_APPLICANT");
        assertThat(waiting.path("questions").get(0).path("documents").get(0).asText()).isEqualTo("income-certificate");

        assertThat(client.answer(filed.number(), filed.code(), null, null, Map.of("income-certificate", PDF))
                .getStatusCode().value()).isEqualTo(200);
        client.decide(filed.number(), "social-services-desk", "approve", null);
        client.decide(filed.number(), "social-services-head", "approve", null);
        client.decide(filed.number(), "social-services-director", "approve", null);
        assertThat(client.awaitState(filed.number(), filed.code(), "APPROVED").path("timeline").findValuesAsText("message"))
                .contains("Department of Social Services needs more from you: Bring the income certificate signed by "
                        + "the union chairman. Documents: income-certificate.", "Your answer was passed to Department of Social Services.");
    }

    /**
     * 24 hazardous trade licences: the environment department rejects each at the same instant as the fire service
     * approves it. Whichever the lifecycle takes first, each ends rejected within 60 seconds and stays so; the fire
     * service is told of the end exactly when its approval came too late, and the city corporation's task closes.
     */
    @Test
    void twentyFourRequestsWhoseMdasAnswerAtTheSameInstantEachEndRejectedAndStaySo() throws Exception {
        List<Filed> filed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            filed.add(file("hazardous"));
        }
        Map<Filed, String[]> packets = new java.util.HashMap<>();
        for (Filed f : filed) {
            packets.put(f, new String[] {delivered(f, ENVIRONMENT), delivered(f, FIRE)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<Future<?>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (Filed f : filed) {
            CyclicBarrier sameInstant = new CyclicBarrier(2);
            answers.add(pool.submit(() -> {
                sameInstant.await();
                decideOverRest(f, ENVIRONMENT, packets.get(f)[0], "rejected", "An impact assessment is needed.");
                return null;
            }));
            answers.add(pool.submit(() -> {
                OneDoorMdaPort soap = ministry.soap();
                sameInstant.await();
                JsonNode receipt = decideOverSoap(soap, f, FIRE, packets.get(f)[1], "approved", null);
                assertThat(receipt.path("payload").path("outcome").asText()).isIn("accepted", "late");
                return null;
            }));
        }
        for (Future<?> answer : answers) {
            answer.get();
        }
        pool.shutdown();
        for (Filed f : filed) {
            OneDoorClient.await(f.number() + " rejected and done", () -> "REJECTED".equals(state(f))
                    && runtime.createProcessInstanceQuery().processInstanceBusinessKey(f.number()).count() == 0 ? true : null);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        Thread.sleep(2000);
        int late = 0;
        for (Filed f : filed) {
            assertThat(state(f)).as(f.number() + " keeps its outcome").isEqualTo("REJECTED");
            assertThat(legState(f, ENVIRONMENT)).isEqualTo("REJECTED");
            String fire = legState(f, FIRE);
            assertThat(fire).isIn("APPROVED", "CANCELLED");
            assertThat(cancellations(f, FIRE)).as(f.number() + ": the fire service is told iff it had not decided")
                    .isEqualTo(fire.equals("CANCELLED") ? 1 : 0);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(f.number()).count()).isZero();
            late += fire.equals("CANCELLED") ? 1 : 0;
        }
        assertThat(jdbc.sql("select count(*) from leg_message where delivered_at is null").query(Long.class).single())
                .as("nothing left waiting for a process").isZero();
        System.out.println("Concurrent answers: " + late + " of 24 approvals came after the rejection");
    }

    private static byte[] pdf() {
        try {
            return Files.readAllBytes(Path.of("docs/examples/trade-licence/fire-safety-plan.pdf"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
