package org.onedoor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.MinistryClient;
import org.onedoor.MinistryClient.SoapReply;
import org.onedoor.OneDoorClient;
import org.onedoor.packet.PacketCases;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.simulator.SimulatedMdas;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ministry contract as a ministry's developer meets it: every negative packet case, every refusal of an answer
 * and every framework-level error, over REST and over SOAP (plain and MTOM), each with its HTTP status, SOAP fault
 * code and error code, and each of them in the guide's table of codes with the same status and fault.
 */
@DemoIntegrationTest
class ContractIT {

    private static final String FIRE = "fire-service";
    private static final Pattern PACKET_ID = Pattern.compile("\"packetId\":\"([0-9a-f-]{36})\"");
    /** Every code seen, with its HTTP status and SOAP fault code, to hold against the guide's table. */
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Autowired
    TestRestTemplate http;
    @Autowired
    SimulatedMdas simulator;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    MinistryClient ministry;

    @BeforeEach
    void ministry() {
        ministry = new MinistryClient(http, port);
    }

    static List<PacketCases.Case> badPackets() {
        return PacketCases.badPackets(PacketCases.developmentPki(), Instant.now());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPackets")
    void eachBadPacketIsRefusedWithItsCodeOverBothTransportsAndLeavesNothing(PacketCases.Case c) {
        SignedPacket packet = c.packet().get();
        refusedOverRest(ministry.post("decisions", packet, c.documents()), c.status(), c.code());
        refusedOverSoap(ministry.soapEnvelope("decide", packet, c.documents()), c.status(), c.code());
        refusedOverSoap(ministry.soapMtom("decide", packet, c.documents()), c.status(), c.code());
        Matcher id = PACKET_ID.matcher(new String(packet.manifest(), StandardCharsets.UTF_8));
        if (id.find()) {
            for (String table : List.of("seen_packet", "mda_answer", "message_log")) {
                assertThat(jdbc.sql("select count(*) from " + table + " where packet_id = ?").param(id.group(1))
                        .query(Long.class).single()).as("a refused packet leaves nothing in " + table).isZero();
            }
        }
    }

    /** A request waiting for the fire service, whose simulator is silenced so that the test speaks for it. */
    private record Waiting(String trackingNumber, String requestPacketId) {
    }

    private Waiting aRequestWaitingForTheFireService() {
        simulator.fail(FIRE, Failure.MUTE, 0);
        try {
            JsonNode filed = new OneDoorClient(http).file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
            String number = filed.path("trackingNumber").asText();
            return new Waiting(number, OneDoorClient.await("the fire service's packet", () -> jdbc.sql(
                    "select packet_id from mda_delivery where tracking_number = ? and mda_code = ? and sent_at is not null")
                    .params(number, FIRE).query(String.class).optional().orElse(null)));
        } finally {
            simulator.heal(FIRE);
        }
    }

    /** One answer that must be refused, with the operation it is sent to. */
    private record Refusal(String name, String restOperation, String soapOperation, SignedPacket packet, int status,
            String code) {
    }

    private void refusedBothWays(Refusal r) {
        refusedOverRest(ministry.post(r.restOperation(), r.packet()), r.status(), r.code());
        refusedOverSoap(ministry.soapEnvelope(r.soapOperation(), r.packet(), Map.of()), r.status(), r.code());
        refusedOverSoap(ministry.soapMtom(r.soapOperation(), r.packet(), Map.of()), r.status(), r.code());
    }

    @Test
    void answersThatContradictTheRequestAreRefusedWithTheirCodesOverBothTransports() {
        Waiting w = aRequestWaitingForTheFireService();
        Map<String, Object> accepted = MinistryClient.payload(w.requestPacketId(), "outcome", "accepted",
                "caseNumber", "FS-1", "expectedCompletion", "2026-12-24");
        Map<String, Object> approved = MinistryClient.payload(w.requestPacketId(), "outcome", "approved",
                "reason", "Exits checked.");
        List<Refusal> refusals = List.of(
                new Refusal("a decision sent as an acknowledgement", "acknowledgements", "acknowledge",
                        MinistryClient.packet(FIRE, PacketType.DECISION, w.trackingNumber(), approved), 400,
                        "packet.wrong-type"),
                new Refusal("an answer for a request sent to another MDA", "acknowledgements", "acknowledge",
                        MinistryClient.packet("land-office", PacketType.ACKNOWLEDGEMENT, w.trackingNumber(), accepted),
                        403, "packet.not-addressed-to-sender"),
                new Refusal("a tracking number OneDoor never gave", "decisions", "decide",
                        MinistryClient.packet(FIRE, PacketType.DECISION, "ODSC-2026-999999-0", approved), 404,
                        "tracking.unknown"),
                new Refusal("an answer to a request packet OneDoor never sent", "decisions", "decide",
                        MinistryClient.packet(FIRE, PacketType.DECISION, w.trackingNumber(), MinistryClient.payload(
                                "00000000-0000-4000-8000-000000000000", "outcome", "approved")), 404,
                        "answer.unknown-request"),
                new Refusal("a rejection without a reason", "decisions", "decide",
                        MinistryClient.packet(FIRE, PacketType.DECISION, w.trackingNumber(),
                                MinistryClient.payload(w.requestPacketId(), "outcome", "rejected")), 422, "answer.invalid"),
                new Refusal("a payload member the contract does not have", "status-updates", "updateStatus",
                        MinistryClient.packet(FIRE, PacketType.STATUS, w.trackingNumber(), MinistryClient.payload(
                                w.requestPacketId(), "status", "in-review", "colour", "red")), 422, "answer.invalid"));
        refusals.forEach(this::refusedBothWays);

        SignedPacket decision = MinistryClient.packet(FIRE, PacketType.DECISION, w.trackingNumber(), approved);
        assertThat(ministry.post("decisions", decision).getStatusCode().value()).isEqualTo(200);
        SignedPacket reused = MinistryClient.packet(MinistryClient.idOf(decision), FIRE, FIRE, PacketType.DECISION,
                w.trackingNumber(), MinistryClient.payload(w.requestPacketId(), "outcome", "rejected", "reason", "No."),
                Map.of());
        refusedBothWays(new Refusal("another packet under a taken id", "decisions", "decide", reused, 409,
                "packet.replayed"));
        OneDoorClient.await("the fire service's part decided", () -> jdbc.sql(
                "select state from request_leg where tracking_number = ? and mda_code = ?")
                .params(w.trackingNumber(), FIRE).query(String.class).single().equals("APPROVED") ? true : null);
        refusedBothWays(new Refusal("an acknowledgement after the decision", "acknowledgements", "acknowledge",
                MinistryClient.packet(FIRE, PacketType.ACKNOWLEDGEMENT, w.trackingNumber(), accepted), 409,
                "answer.leg-decided"));
    }

    @Test
    void theSameAnswerSentAgainGetsTheFirstReceiptMarkedAsARepeatOverBothTransports() {
        Waiting w = aRequestWaitingForTheFireService();
        SignedPacket update = MinistryClient.packet(FIRE, PacketType.STATUS, w.trackingNumber(),
                MinistryClient.payload(w.requestPacketId(), "status", "in-review"));
        ResponseEntity<JsonNode> first = ministry.post("status-updates", update);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody().has("repeat")).as("a first receipt is not marked").isFalse();

        ResponseEntity<JsonNode> overRest = ministry.post("status-updates", update);
        assertThat(overRest.getBody().path("repeat").asBoolean()).isTrue();
        assertThat(overRest.getBody().path("manifest")).isEqualTo(first.getBody().path("manifest"));

        SoapReply overSoap = ministry.soapEnvelope("updateStatus", update, Map.of());
        assertThat(overSoap.status()).isEqualTo(200);
        assertThat(overSoap.body()).contains("repeat=\"true\"")
                .contains("<manifest>" + first.getBody().path("manifest").asText() + "</manifest>");
        assertThat(overSoap.body()).as("a plain request gets a plain reply, not MTOM").startsWith("<soap:Envelope");
    }

    /** One framework-level error: the request that causes it and what it must get. */
    private record Framework(String name, HttpMethod method, String path, MediaType type, Object body, String user,
            int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Framework> frameworkErrors() {
        String multipart = "multipart/form-data; boundary=x";
        return List.of(
                new Framework("JSON to a multipart operation", HttpMethod.POST, "/api/mda/decisions",
                        MediaType.APPLICATION_JSON, "{}", null, 415, "request.unsupported-media-type"),
                new Framework("GET of an operation", HttpMethod.GET, "/api/mda/decisions", null, null, null, 405,
                        "request.method-not-allowed"),
                new Framework("no such operation", HttpMethod.POST, "/api/mda/verdicts", MediaType.APPLICATION_JSON, "{}",
                        null, 404, "resource.not-found"),
                new Framework("a multipart body that is not one", HttpMethod.POST, "/api/mda/decisions",
                        MediaType.parseMediaType(multipart), "--x\r\nno headers, no end", null, 400, "request.malformed"),
                new Framework("a document above the size limit", HttpMethod.POST, "/api/mda/decisions",
                        MediaType.parseMediaType(multipart), tooLarge(), null, 413, "request.too-large"),
                new Framework("no such SOAP service", HttpMethod.POST, "/ws/verdicts", MediaType.TEXT_XML,
                        MinistryClient.envelope(""), null, 404, "resource.not-found"),
                new Framework("a filing that is not multipart", HttpMethod.POST, "/api/requests", MediaType.TEXT_PLAIN,
                        "hello", "frontdesk", 415, "request.unsupported-media-type"),
                new Framework("GET of a withdrawal", HttpMethod.GET, "/api/requests/ODSC-2026-000001-5/withdrawal", null,
                        null, "frontdesk", 405, "request.method-not-allowed"),
                new Framework("no such front-desk path", HttpMethod.GET, "/api/requests/ODSC-2026-000001-5/nothing", null,
                        null, "frontdesk", 404, "resource.not-found"),
                new Framework("the front desk's API without a login", HttpMethod.GET, "/api/requests/ODSC-2026-000001-5",
                        null, null, null, 401, "auth.required"),
                new Framework("the administrators' API as the front desk", HttpMethod.GET,
                        "/api/admin/message-log?trackingNumber=ODSC-2026-000001-5", null, null, "frontdesk", 403,
                        "auth.forbidden"));
    }

    private static String tooLarge() {
        return "--x\r\nContent-Disposition: form-data; name=\"deed\"; filename=\"deed.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + "x".repeat(21 * 1024 * 1024) + "\r\n--x--\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworkErrors")
    void frameworkErrorsAreProblemDetailsWithACode(Framework f) {
        HttpHeaders headers = new HttpHeaders();
        if (f.type() != null) {
            headers.setContentType(f.type());
        }
        TestRestTemplate client = f.user() == null ? http : http.withBasicAuth(f.user(), OneDoorClient.PASSWORD);
        refusedOverRest(client.exchange(f.path(), f.method(), new HttpEntity<>(f.body(), headers), JsonNode.class),
                f.status(), f.code());
    }

    @Test
    void soapRequestsThatAreNotOfTheContractAreClientFaults() {
        refusedOverSoap(ministry.soap("POST", "text/xml", "garbage"), 400, "request.malformed");
        refusedOverSoap(ministry.soap("POST", "application/soap+xml",
                "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body/></e:Envelope>"), 400,
                "request.malformed");
        refusedOverSoap(ministry.soap("POST", "text/xml", MinistryClient.envelope("<m:approve><packet/></m:approve>")),
                400, "request.malformed");
        refusedOverSoap(ministry.soap("POST", "text/xml", MinistryClient.envelope("<m:decide/>")), 400,
                "packet.malformed");
        refusedOverSoap(ministry.soap("POST", "text/xml", MinistryClient.envelope("<m:decide><packet/></m:decide>")),
                400, "packet.malformed");
        refusedOverSoap(ministry.soap("POST", "text/xml", MinistryClient.envelope(
                "<m:decide><packet><manifest>bm90IGpzb24=</manifest><signature>AA==</signature></packet></m:decide>")),
                400, "packet.malformed");
        refusedOverSoap(ministry.soap("GET", null, null), 405, "request.method-not-allowed");
        assertThat(ministry.soap("GET", null, null).body()).doesNotContain("Exception", "at org.");
    }

    private void refusedOverRest(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).isEqualTo("urn:onedoor:problem:" + code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.has("trace") || problem.has("exception") || problem.has("message"))
                .as("nothing of Java reaches the caller").isFalse();
        seen(code, String.valueOf(status));
    }

    private void refusedOverSoap(SoapReply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.code()).as(reply.body()).isEqualTo(code);
        assertThat(reply.faultCode()).isEqualTo(status >= 500 ? "soap:Server" : "soap:Client");
        assertThat(reply.body()).doesNotContain("Exception", "XMLStreamReader");
        seen(code, status + " " + reply.faultCode());
    }

    private static void seen(String code, String statusAndFault) {
        SEEN.merge(code, statusAndFault, (a, b) -> a.contains(b) ? a : a + ", " + b);
    }

    /** The guide's tables of codes: {@code | `code` | status |}, for the MDA contract with {@code | soap:Client |}. */
    @AfterAll
    static void everyCodeSeenIsInTheGuideWithTheStatusAndFaultSeen() throws IOException {
        Map<String, String> guide = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+\\.[a-z-]+)` \\| (\\d{3}) \\|(?: (soap:\\w+) \\|)?")
                .matcher(Files.readString(Path.of("docs/integrators.md")));
        while (row.find()) {
            String status = row.group(2);
            guide.merge(row.group(1), row.group(3) == null ? status : status + ", " + status + " " + row.group(3),
                    (a, b) -> a + ", " + b);
        }
        SEEN.forEach((code, seen) -> {
            for (String one : seen.split(", ")) {
                assertThat(guide.getOrDefault(code, "")).as("docs/integrators.md lists %s as %s", code, one)
                        .contains(one);
            }
        });
    }
}
