package org.onedoor.messagelog;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: {@code GET /api/admin/message-log/verification} checks that no past packet was altered;
 * {@code GET /api/admin/message-log?trackingNumber=} shows every packet of a request exactly as it was signed,
 * sent or received (what an MDA's system received, field by field).
 */
@RestController
class MessageLogController {

    private final MessageLog log;
    private final ObjectMapper json;

    MessageLogController(MessageLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** One logged packet: its manifest as JSON, its signature as base64, as they crossed the wire. */
    record Packet(long row, Instant loggedAt, MessageLog.Direction direction, String party, String packetId,
            String packetType, JsonNode manifest, String signature) {
    }

    @GetMapping("/api/admin/message-log/verification")
    MessageLog.Verification verify() {
        return log.verify();
    }

    @GetMapping("/api/admin/message-log")
    List<Packet> ofRequest(@RequestParam String trackingNumber) throws IOException {
        List<Packet> packets = new java.util.ArrayList<>();
        for (MessageLog.Logged logged : log.ofRequest(trackingNumber)) {
            MessageLog.Entry e = logged.entry();
            packets.add(new Packet(logged.row(), logged.at(), e.direction(), e.party(), e.packetId(), e.packetType(),
                    json.readTree(e.manifest()), Base64.getEncoder().encodeToString(e.signature())));
        }
        return packets;
    }
}
