package org.onedoor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.MinistryClient;
import org.onedoor.OneDoorClient;
import org.onedoor.dispatch.contract.OneDoorMdaPort;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
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
 * What an MDA system sends OneDoor, as a ministry developer would send it, including everything OneDoor must
 * refuse. The fire service's simulator is silenced, so that the test speaks for the fire service.
 */
@DemoIntegrationTest
class MdaInboundIT {

    private static final String FIRE = "fire-service";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SimulatedMdas simulator;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    OneDoorClient client;
    MinistryClient ministry;
    String trackingNumber;
    String trackingCode;
    String requestPacketId;

    @BeforeEach
    void aRequestWaitsForTheFireService() {
        client = new OneDoorClient(http);
        ministry = new MinistryClient(http, port);
        simulator.fail(FIRE, Failure.MUTE, 0);
        JsonNode filed = client.file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
        trackingNumber = filed.path("trackingNumber").asText();
        trackingCode = filed.path("trackingCode").asText();
        requestPacketId = OneDoorClient.await("the fire service's packet", () -> jdbc.sql(
                "select packet_id from mda_delivery where tracking_number = ? and mda_code = ? and sent_at is not null")
                .params(trackingNumber, FIRE).query(String.class).optional().orElse(null));
    }

    @AfterEach
    void heal() {
        simulator.heal(FIRE);
    }

    private SignedPacket packet(String signedBy, String sender, PacketType type, String trackingNumber,
            Map<String, Object> payload) {
        return MinistryClient.packet(signedBy, sender, type, trackingNumber, payload, Map.of());
    }

    private Map<String, Object> payload(Object... pairs) {
        return MinistryClient.payload(requestPacketId, pairs);
    }

    private ResponseEntity<JsonNode> post(String operation, byte[] manifest, byte[] signature) {
        return ministry.post(operation, manifest, signature, Map.of());
    }

    private ResponseEntity<JsonNode> post(String operation, SignedPacket packet) {
        return ministry.post(operation, packet);
    }

    private static UUID idOf(SignedPacket packet) {
        return MinistryClient.idOf(packet);
    }

    private void refused(ResponseEntity<JsonNode> response, int status, String code, SignedPacket packet) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
        assertThat(response.getBody().has("trace")).as("no stack trace for the caller").isFalse();
        if (packet != null) {
            String id = idOf(packet).toString();
            for (String table : List.of("seen_packet", "mda_answer", "message_log")) {
                assertThat(jdbc.sql("select count(*) from " + table + " where packet_id = ?").param(id)
                        .query(Long.class).single()).as("a refused packet leaves nothing in " + table).isZero();
            }
        }
    }

    @Test
    void aStatusUpdateIsReceiptedLoggedAndShownAndItsReplayIsRefused() {
        SignedPacket update = packet(FIRE, FIRE, PacketType.STATUS, trackingNumber,
                payload("status", "inspection-scheduled", "text", "An inspector visits the premises on Sunday."));
        ResponseEntity<JsonNode> answer = post("status-updates", update);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        JsonNode receipt = OneDoorClient.manifestOf(answer.getBody());
        assertThat(receipt.path("type").asText()).isEqualTo("receipt");
        assertThat(receipt.path("sender").asText()).isEqualTo("odsc");
        assertThat(receipt.path("recipient").asText()).isEqualTo(FIRE);
        assertThat(receipt.path("payload").path("receivedPacketId").asText()).isEqualTo(idOf(update).toString());
        assertThat(jdbc.sql("select direction from message_log where packet_id = ?").param(idOf(update).toString())
                .query(String.class).list()).containsExactly("IN");
        assertThat(client.track(trackingNumber, trackingCode).getBody().path("timeline").findValuesAsText("message"))
                .contains("Fire Service and Civil Defence: an inspection is scheduled. An inspector visits the premises on Sunday.");

        // The MDA's response was lost and it sends the very same packet again: the receipt it missed, marked.
        ResponseEntity<JsonNode> again = post("status-updates", update);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().path("repeat").asBoolean()).isTrue();
        assertThat(again.getBody().path("manifest")).isEqualTo(answer.getBody().path("manifest"));
        assertThat(again.getBody().path("signature")).isEqualTo(answer.getBody().path("signature"));
        assertThat(client.track(trackingNumber, trackingCode).getBody().path("timeline").findValuesAsText("message"))
                .filteredOn(m -> m.contains("An inspector visits")).as("taken once").hasSize(1);

        // Another packet under the same id is a replay.
        SignedPacket reused = MinistryClient.packet(idOf(update), FIRE, FIRE, PacketType.STATUS, trackingNumber,
                payload("status", "on-hold"), Map.of());
        ResponseEntity<JsonNode> replay = post("status-updates", reused);
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(replay.getBody().path("code").asText()).isEqualTo("packet.replayed");
    }

    @Test
    void anMdaMaySpeakOnlyForPacketsAddressedToIt() {
        SignedPacket landOffice = packet("land-office", "land-office", PacketType.ACKNOWLEDGEMENT, trackingNumber,
                payload("outcome", "accepted", "caseNumber", "LO-1", "expectedCompletion", "2026-12-24"));
        refused(post("acknowledgements", landOffice), 403, "packet.not-addressed-to-sender", landOffice);

        SignedPacket impostor = packet("land-office", FIRE, PacketType.ACKNOWLEDGEMENT, trackingNumber,
                payload("outcome", "accepted", "caseNumber", "FS-1", "expectedCompletion", "2026-12-24"));
        refused(post("acknowledgements", impostor), 403, "signer.untrusted", impostor);
    }

    @Test
    void unsignedOrHalfPacketsAreRefused() {
        SignedPacket decision = packet(FIRE, FIRE, PacketType.DECISION, trackingNumber, payload("outcome", "approved"));
        refused(post("decisions", decision.manifest(), "not a signature".getBytes()), 400, "signature.malformed", decision);
        refused(post("decisions", decision.manifest(), null), 400, "packet.malformed", decision);
    }

    @Test
    void aPacketForAnUnknownTrackingNumberOrOfTheWrongKindIsRefused() {
        SignedPacket unknown = packet(FIRE, FIRE, PacketType.DECISION, "ODSC-2026-999999-0", payload("outcome", "approved"));
        refused(post("decisions", unknown), 404, "tracking.unknown", unknown);

        SignedPacket decision = packet(FIRE, FIRE, PacketType.DECISION, trackingNumber, payload("outcome", "approved"));
        refused(post("acknowledgements", decision), 400, "packet.wrong-type", decision);

        SignedPacket noReason = packet(FIRE, FIRE, PacketType.DECISION, trackingNumber, payload("outcome", "rejected"));
        ResponseEntity<JsonNode> invalid = post("decisions", noReason);
        refused(invalid, 422, "answer.invalid", noReason);
        assertThat(invalid.getBody().path("errors").findValuesAsText("path")).contains("payload.reason");
    }

    @Test
    void aDecisionMayComeWithoutAnAcknowledgementAndWhatContradictsItIsRefused() {
        SignedPacket decision = packet(FIRE, FIRE, PacketType.DECISION, trackingNumber,
                payload("outcome", "approved", "reason", "Extinguishers and exits checked."));
        assertThat(post("decisions", decision).getStatusCode().value()).isEqualTo(200);
        JsonNode status = OneDoorClient.await("the fire service's part approved", () -> {
            JsonNode body = client.track(trackingNumber, trackingCode).getBody();
            return body.path("legs").findValuesAsText("state").contains("APPROVED") ? body : null;
        });
        assertThat(status.path("timeline").findValuesAsText("message"))
                .contains("Approved by Fire Service and Civil Defence. Extinguishers and exits checked.");

        SignedPacket ack = packet(FIRE, FIRE, PacketType.ACKNOWLEDGEMENT, trackingNumber,
                payload("outcome", "accepted", "caseNumber", "FS-2026-77", "expectedCompletion", "2026-12-24"));
        refused(post("acknowledgements", ack), 409, "answer.leg-decided", ack);
        SignedPacket second = packet(FIRE, FIRE, PacketType.DECISION, trackingNumber,
                payload("outcome", "rejected", "reason", "Changed my mind."));
        refused(post("decisions", second), 409, "answer.leg-decided", second);
        SignedPacket update = packet(FIRE, FIRE, PacketType.STATUS, trackingNumber, payload("status", "on-hold"));
        refused(post("status-updates", update), 409, "answer.leg-decided", update);
        assertThat(client.track(trackingNumber, trackingCode).getBody().path("timeline").findValuesAsText("message"))
                .noneMatch(m -> m.contains("Changed my mind") || m.contains("FS-2026-77"));
    }

    @Test
    void theContractsArePublishedAndThePublishedWsdlIsTheOneTheCodeImplements() {
        assertThat(http.getForEntity("/ws/mda?wsdl", String.class).getBody())
                .contains("name=\"acknowledge\"", "name=\"requestInformation\"", "name=\"decide\"", "name=\"updateStatus\"",
                        "name=\"problem\"");
        assertThat(http.getForEntity("/api/mda/openapi.yaml", String.class).getBody())
                .contains("openapi: 3.1.0", "/api/mda/decisions", "deliverRequest");
        String published = http.getForEntity("/api/mda/mda-system.wsdl", String.class).getBody();
        String implemented = http.getForEntity("/ws/simulator/fire-service?wsdl", String.class).getBody();
        assertThat(withoutAddress(published)).isEqualTo(withoutAddress(implemented));
    }

    private static String withoutAddress(String wsdl) {
        return wsdl.replaceAll("location=\"[^\"]*\"", "location=\"\"").strip();
    }

    @Test
    void overSoapTheSameAnswersAndTheSameCodes() throws Exception {
        OneDoorMdaPort oneDoor = ministry.soap();

        SignedPacket update = packet(FIRE, FIRE, PacketType.STATUS, trackingNumber,
                payload("status", "in-review", "text", "With the station officer."));
        SoapPacket receipt = oneDoor.updateStatus(new SoapPacket(update.manifest(), update.signature(), List.of()));
        assertThat(OneDoorClient.manifestOf(OneDoorClient.json(new SignedPacket(receipt.getManifest(),
                receipt.getSignature()).toJson())).path("payload").path("receivedPacketId").asText())
                .isEqualTo(idOf(update).toString());

        SignedPacket landOffice = packet("land-office", "land-office", PacketType.STATUS, trackingNumber,
                payload("status", "in-review"));
        assertThatThrownBy(() -> oneDoor.updateStatus(new SoapPacket(landOffice.manifest(), landOffice.signature(), List.of())))
                .isInstanceOfSatisfying(PacketFault.class, fault ->
                        assertThat(fault.getFaultInfo().getCode()).isEqualTo("packet.not-addressed-to-sender"));
        SoapPacket again = oneDoor.updateStatus(new SoapPacket(update.manifest(), update.signature(), List.of()));
        assertThat(again.isRepeat()).as("the same packet again: the same receipt, marked").isTrue();
        assertThat(again.getManifest()).isEqualTo(receipt.getManifest());
        SignedPacket reused = MinistryClient.packet(idOf(update), FIRE, FIRE, PacketType.STATUS, trackingNumber,
                payload("status", "on-hold"), Map.of());
        assertThatThrownBy(() -> oneDoor.updateStatus(new SoapPacket(reused.manifest(), reused.signature(), List.of())))
                .isInstanceOfSatisfying(PacketFault.class, fault ->
                        assertThat(fault.getFaultInfo().getCode()).isEqualTo("packet.replayed"));
    }
}
