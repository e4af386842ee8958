package org.onedoor.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.messagelog.MessageLog;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketSigner;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes what MDA systems send back, whatever the transport: verifies the packet, checks that the MDA speaks
 * about a packet that was addressed to it, stores and logs the answer, tells the citizen, hands it to the
 * waiting process and answers with OneDoor's signed receipt. All in one transaction: a refused answer leaves
 * nothing behind, not even its packet id.
 */
@Service
public class MdaAnswers {

    private static final Logger log = LoggerFactory.getLogger(MdaAnswers.class);

    /** The statuses an MDA may report between acknowledgement and decision. */
    private static final Set<String> STATUSES = Set.of("in-review", "inspection-scheduled", "awaiting-third-party",
            "on-hold");

    /** The three inbound operations, each with the one packet type it takes. */
    public enum Operation {
        ACKNOWLEDGE(PacketType.ACKNOWLEDGEMENT), DECIDE(PacketType.DECISION), UPDATE_STATUS(PacketType.STATUS);

        private final PacketType type;

        Operation(PacketType type) {
            this.type = type;
        }
    }

    private final PacketVerifier verifier;
    private final PacketSigner signer;
    private final MessageLog messageLog;
    private final ServiceRequests requests;
    private final DocumentStore documents;
    private final ConnectorRegistry connectors;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    MdaAnswers(PacketVerifier verifier, PacketSigner signer, MessageLog messageLog, ServiceRequests requests,
            DocumentStore documents, ConnectorRegistry connectors, ApplicationEventPublisher events,
            JdbcClient jdbc, Clock clock) {
        this.verifier = verifier;
        this.signer = signer;
        this.messageLog = messageLog;
        this.requests = requests;
        this.documents = documents;
        this.connectors = connectors;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public SignedPacket receive(Operation operation, SignedPacket packet, Map<String, byte[]> attached) {
        Manifest manifest = verifier.verify(packet, attached, signer.party());
        if (manifest.type() != operation.type) {
            throw new PacketException("packet.wrong-type", "This operation takes a packet of type '"
                    + operation.type.wireName() + "', not '" + manifest.type().wireName() + "'.");
        }
        Delivery delivery = lockDelivery(manifest);
        Answer answer = Answer.of(operation, manifest.payload());
        Instant now = clock.instant();
        String packetId = manifest.packetId().toString();
        jdbc.sql("""
                insert into mda_answer (packet_id, request_packet_id, packet_type, outcome, reason, received_at,
                  settled_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(packetId, delivery.packetId(), manifest.type().wireName(), answer.outcome(), answer.reason(),
                        Timestamp.from(now), operation == Operation.UPDATE_STATUS ? Timestamp.from(now) : null)
                .update();
        for (Manifest.DocumentEntry entry : manifest.documents()) {
            documents.store(attached.get(entry.name()));
            jdbc.sql("""
                    insert into mda_answer_document (packet_id, name, media_type, size_bytes, sha256)
                    values (?, ?, ?, ?, ?)""")
                    .params(packetId, entry.name(), entry.mediaType(), entry.size(), entry.sha256()).update();
        }
        if (operation == Operation.ACKNOWLEDGE && answer.caseNumber() != null) {
            jdbc.sql("update mda_delivery set mda_case_number = ?, mda_expected_by = ? where packet_id = ?")
                    .params(answer.caseNumber(), answer.expectedCompletion(), delivery.packetId()).update();
        }
        messageLog.append(new MessageLog.Entry(MessageLog.Direction.IN, manifest.sender(), packetId,
                manifest.type().wireName(), manifest.trackingNumber(), packet.manifest(), packet.signature()));
        log.info("{} from {} for {}: {}", manifest.type().wireName(), manifest.sender(), manifest.trackingNumber(),
                answer.outcome());
        events.publishEvent(new MdaAnswered(packetId, delivery.packetId(), manifest.trackingNumber(),
                manifest.sender(), manifest.type().wireName(), answer.outcome(), answer.reason(),
                answer.describe(connectors.get(manifest.sender()).name().en())));
        return receipt(manifest, now);
    }

    /** Answers no process has taken yet, oldest first: the relay offers them again. */
    @Transactional(readOnly = true)
    public List<MdaAnswered> pending() {
        return jdbc.sql("""
                select a.packet_id, a.request_packet_id, d.tracking_number, d.mda_code, a.packet_type, a.outcome, a.reason
                from mda_answer a join mda_delivery d on d.packet_id = a.request_packet_id
                where a.settled_at is null order by a.received_at""")
                .query((rs, i) -> new MdaAnswered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), null))
                .list();
    }

    /** The waiting process took the answer, or no process will ever wait for it: the relay stops offering it. */
    public void settled(String packetId) {
        jdbc.sql("update mda_answer set settled_at = ? where packet_id = ?")
                .params(Timestamp.from(clock.instant()), packetId).update();
    }

    private record Delivery(String packetId, String mdaCode) {
    }

    /**
     * The request packet the answer refers to, locked: an answer that overtakes the commit of its own delivery
     * waits here until the delivery job has committed and the process instance waits for it.
     */
    private Delivery lockDelivery(Manifest manifest) {
        Object inReplyTo = manifest.payload().get("inReplyTo");
        String id;
        try {
            id = UUID.fromString(String.valueOf(inReplyTo)).toString();
        } catch (IllegalArgumentException e) {
            throw new OneDoorException("answer.invalid", HttpStatus.UNPROCESSABLE_ENTITY, "The answer is incomplete.",
                    List.of(new Violation("payload.inReplyTo", "required", "Give the packet id of the request packet answered.")));
        }
        Delivery delivery = jdbc.sql("""
                select packet_id, mda_code from mda_delivery where packet_id = ? and tracking_number = ? for update""")
                .params(id, manifest.trackingNumber())
                .query((rs, i) -> new Delivery(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> unknown(manifest.trackingNumber(), id));
        if (!delivery.mdaCode().equals(manifest.sender())) {
            throw new PacketException("packet.not-addressed-to-sender", "Request packet " + id
                    + " was addressed to '" + delivery.mdaCode() + "'; '" + manifest.sender() + "' may not answer it.");
        }
        return delivery;
    }

    /** Which of the two the caller got wrong, looked up only once the delivery was not found. */
    private OneDoorException unknown(String trackingNumber, String requestPacketId) {
        if (requests.find(trackingNumber).isEmpty()) {
            return new OneDoorException("tracking.unknown", HttpStatus.NOT_FOUND,
                    "No request has the tracking number '" + trackingNumber + "'.");
        }
        return new OneDoorException("answer.unknown-request", HttpStatus.NOT_FOUND,
                "OneDoor sent no request packet " + requestPacketId + " for " + trackingNumber + ".");
    }

    /** OneDoor's signed receipt for the answer, logged as sent. */
    private SignedPacket receipt(Manifest answered, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receivedPacketId", answered.packetId().toString());
        payload.put("receivedAt", Manifest.formatTime(now));
        Manifest manifest = new Manifest(UUID.randomUUID(), PacketType.RECEIPT, answered.trackingNumber(),
                answered.serviceCode(), signer.party(), answered.sender(), now, payload, List.of());
        SignedPacket receipt = signer.sign(manifest);
        messageLog.append(new MessageLog.Entry(MessageLog.Direction.OUT, answered.sender(),
                manifest.packetId().toString(), PacketType.RECEIPT.wireName(), answered.trackingNumber(),
                receipt.manifest(), receipt.signature()));
        return receipt;
    }

    /** The payload of an answer, checked for its operation. */
    record Answer(String outcome, String reason, String caseNumber, LocalDate expectedCompletion) {

        static Answer of(Operation operation, Map<String, Object> payload) {
            List<Violation> problems = new ArrayList<>();
            String outcome = text(payload, "outcome");
            String reason = text(payload, "reason");
            String caseNumber = null;
            LocalDate expected = null;
            switch (operation) {
                case ACKNOWLEDGE -> {
                    if (!Set.of("accepted", "incomplete").contains(outcome)) {
                        problems.add(new Violation("payload.outcome", "choice", "accepted or incomplete"));
                    } else if (outcome.equals("accepted")) {
                        caseNumber = text(payload, "caseNumber");
                        if (caseNumber == null || caseNumber.length() > 100) {
                            problems.add(new Violation("payload.caseNumber", "required", "The MDA's own case number, up to 100 characters."));
                        }
                        try {
                            expected = LocalDate.parse(String.valueOf(payload.get("expectedCompletion")));
                        } catch (DateTimeParseException e) {
                            problems.add(new Violation("payload.expectedCompletion", "date", "The expected completion date, e.g. 2026-12-24."));
                        }
                    } else if (reason == null) {
                        problems.add(new Violation("payload.reason", "required", "Say what is missing."));
                    }
                }
                case DECIDE -> {
                    if (!Set.of("approved", "rejected", "info-needed").contains(outcome)) {
                        problems.add(new Violation("payload.outcome", "choice", "approved, rejected or info-needed"));
                    } else if (!outcome.equals("approved") && reason == null) {
                        problems.add(new Violation("payload.reason", "required", "Give the reason or the information needed."));
                    }
                }
                case UPDATE_STATUS -> {
                    outcome = text(payload, "status");
                    if (!STATUSES.contains(outcome)) {
                        problems.add(new Violation("payload.status", "choice", "one of " + STATUSES));
                    }
                    reason = text(payload, "text");
                }
            }
            if (reason != null && reason.length() > 2000) {
                problems.add(new Violation("payload.reason", "length", "At most 2000 characters."));
            }
            if (!problems.isEmpty()) {
                throw new OneDoorException("answer.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                        "The answer has " + problems.size() + " problem(s); see errors.", problems);
            }
            return new Answer(outcome, reason, caseNumber, expected);
        }

        /** The line the citizen reads on the tracking page. */
        String describe(String mda) {
            return switch (outcome) {
                case "accepted" -> mda + " accepted the request for processing: case " + caseNumber
                        + ", expected by " + expectedCompletion + ".";
                case "incomplete" -> mda + " found the request incomplete: " + reason;
                case "approved" -> "Approved by " + mda + (reason == null ? "." : ": " + reason);
                case "rejected" -> "Rejected by " + mda + ": " + reason;
                case "info-needed" -> mda + " needs more information: " + reason;
                default -> mda + ": " + outcome.replace('-', ' ') + (reason == null ? "." : ". " + reason);
            };
        }

        private static String text(Map<String, Object> payload, String field) {
            Object value = payload.get(field);
            return value instanceof String s && !s.isBlank() ? s.trim() : null;
        }
    }
}
