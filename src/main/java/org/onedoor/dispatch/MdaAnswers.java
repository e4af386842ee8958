package org.onedoor.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.dispatch.DeliveryTable.Delivery;
import org.onedoor.documents.DocumentInspector;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.lifecycle.Decision;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.Taken;
import org.onedoor.messagelog.MessageLog;
import org.onedoor.packet.ContractSchemas;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketLedger;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.Sha256;
import org.onedoor.system.OneDoorException.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes what MDA systems send back, whatever the transport: verifies the packet, checks that the MDA speaks about
 * a request packet addressed to it, lets the lifecycle take the answer (or record it as late, or refuse it as a
 * contradiction), stores and logs it, and answers with OneDoor's signed receipt. All in one transaction: a
 * refused answer leaves nothing behind, not even its packet id.
 */
@Service
public class MdaAnswers {

    private static final Logger log = LoggerFactory.getLogger(MdaAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();


    /** The inbound operations, each with the one packet type it takes. */
    public enum Operation {
        ACKNOWLEDGE(PacketType.ACKNOWLEDGEMENT), UPDATE_STATUS(PacketType.STATUS),
        REQUEST_INFORMATION(PacketType.INFO_REQUEST), DECIDE(PacketType.DECISION);

        private final PacketType type;

        Operation(PacketType type) {
            this.type = type;
        }
    }

    private final PacketVerifier verifier;
    private final PacketLedger ledger;
    private final Lifecycle lifecycle;
    private final ServiceRequests requests;
    private final DocumentStore documents;
    private final DocumentInspector inspector;
    private final DeliveryTable deliveries;
    private final AnswerTable answers;
    private final ApplicationEventPublisher events;
    private final MessageLog messageLog;
    private final PacketMeters meters;
    private final Clock clock;

    MdaAnswers(PacketVerifier verifier, PacketLedger ledger, Lifecycle lifecycle, ServiceRequests requests,
            DocumentStore documents, DocumentInspector inspector, DeliveryTable deliveries, AnswerTable answers,
            ApplicationEventPublisher events, MessageLog messageLog, PacketMeters meters, Clock clock) {
        this.inspector = inspector;
        this.verifier = verifier;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.documents = documents;
        this.deliveries = deliveries;
        this.answers = answers;
        this.events = events;
        this.messageLog = messageLog;
        this.meters = meters;
        this.clock = clock;
    }

    /** OneDoor's signed receipt; {@code repeat} when the very same packet had been taken before. */
    public record Receipt(SignedPacket packet, boolean repeat) {
    }

    @Transactional
    public Receipt receive(Operation operation, SignedPacket packet, Map<String, InputStreamSource> attached) {
        try {
            return take(operation, packet, attached);
        } catch (OneDoorException refused) {
            meters.refused(claimedSender(packet), operation.type, refused);
            throw refused;
        }
    }

    private Receipt take(Operation operation, SignedPacket packet, Map<String, InputStreamSource> attached) {
        Optional<SignedPacket> repeat = repeatOf(packet);
        if (repeat.isPresent()) {
            // The very bytes of a packet verified before: its sender is the one it names.
            meters.received(claimedSender(packet), operation.type, PacketMeters.Outcome.REPEAT);
            return new Receipt(repeat.get(), true);
        }
        Manifest manifest = verifier.verify(packet, digests(attached), ledger.party());
        if (manifest.type() != operation.type) {
            throw new PacketException("packet.wrong-type", "This operation takes a packet of type '"
                    + operation.type.wireName() + "', not '" + manifest.type().wireName() + "'.");
        }
        Answer answer = Answer.of(operation, manifest.payload());
        for (Manifest.DocumentEntry entry : manifest.documents()) {
            inspector.issued(entry.name(), entry.mediaType(), attached.get(entry.name()), entry.size()).ifPresent(v -> {
                throw new OneDoorException(v.code(), HttpStatus.UNPROCESSABLE_ENTITY, v.message(), List.of(v));
            });
        }
        Delivery delivery = lockDelivery(manifest, answer.inReplyTo());
        String tn = manifest.trackingNumber();
        String mda = manifest.sender();
        String packetId = manifest.packetId().toString();
        Taken taken = switch (operation) {
            case ACKNOWLEDGE -> lifecycle.acknowledged(tn, mda, answer.caseNumber(), answer.expectedCompletion());
            case UPDATE_STATUS -> lifecycle.statusReported(tn, mda, answer.outcome(), answer.reason());
            case REQUEST_INFORMATION -> lifecycle.informationRequestedByMda(tn, mda, packetId, answer.reason(),
                    answer.documents());
            case DECIDE -> lifecycle.decidedByMda(tn, mda, answer.decision(), answer.reason());
        };
        Instant now = clock.instant();
        UUID receiptId = UUID.randomUUID();
        answers.insert(packetId, delivery.packetId(), manifest.type().wireName(), answer.outcome(), answer.reason(), now,
                taken == Taken.LATE, receiptId.toString());
        for (Manifest.DocumentEntry entry : manifest.documents()) {
            documents.store(attached.get(entry.name()));
            answers.document(packetId, entry);
        }
        ledger.record(manifest, packet);
        log.info("{} from {} for {}: {}{}", manifest.type().wireName(), mda, tn, answer.outcome(),
                taken == Taken.LATE ? " (after the request ended: kept, changes nothing)" : "");
        if (taken == Taken.TAKEN && (operation == Operation.DECIDE || operation == Operation.REQUEST_INFORMATION)) {
            events.publishEvent(new MdaAnswered(tn, mda, packetId, answer.decision()));
        }
        meters.received(mda, manifest.type(), taken == Taken.LATE ? PacketMeters.Outcome.LATE
                : PacketMeters.Outcome.ACCEPTED);
        return new Receipt(receipt(receiptId, manifest, now, taken), false);
    }

    /** Each document's digest, hashed as it streams from where the transport put it. */
    private static Map<String, Sha256.Digest> digests(Map<String, InputStreamSource> attached) {
        Map<String, Sha256.Digest> digests = new LinkedHashMap<>();
        attached.forEach((name, source) -> {
            try (InputStream in = source.getInputStream()) {
                digests.put(name, Sha256.of(in));
            } catch (IOException e) {
                throw new PacketException("packet.malformed", "The document '" + name + "' cannot be read.");
            }
        });
        return digests;
    }

    /** The sender the packet names, before anything about it is verified; null if it names none. */
    private static String claimedSender(SignedPacket packet) {
        try {
            return JSON.readTree(packet.manifest()).path("sender").asText(null);
        } catch (IOException | IllegalArgumentException notAManifest) {
            return null;
        }
    }

    /**
     * The receipt OneDoor gave the first time, if these are the very bytes of a packet it took: an MDA whose
     * response was lost resends, and must be able to obtain it. The same id with other bytes is a replay.
     */
    private Optional<SignedPacket> repeatOf(SignedPacket packet) {
        String packetId;
        try {
            packetId = UUID.fromString(JSON.readTree(packet.manifest()).path("packetId").asText()).toString();
        } catch (java.io.IOException | IllegalArgumentException notAPacketId) {
            return Optional.empty();
        }
        return messageLog.find(packetId, MessageLog.Direction.IN)
                .filter(taken -> Arrays.equals(taken.manifest(), packet.manifest())
                        && Arrays.equals(taken.signature(), packet.signature()))
                .flatMap(taken -> answers.receiptOf(packetId))
                .flatMap(receiptId -> messageLog.find(receiptId, MessageLog.Direction.OUT))
                .map(receipt -> new SignedPacket(receipt.manifest(), receipt.signature()));
    }

    /**
     * The request packet the answer refers to, locked: an answer that overtakes the commit of its own delivery
     * waits here until the delivery job has committed and the process waits for it.
     */
    private Delivery lockDelivery(Manifest manifest, String requestPacketId) {
        Delivery delivery = deliveries.lock(requestPacketId)
                .filter(d -> d.type() == PacketType.REQUEST && d.trackingNumber().equals(manifest.trackingNumber()))
                .orElseThrow(() -> unknown(manifest.trackingNumber(), requestPacketId));
        if (!delivery.mdaCode().equals(manifest.sender())) {
            throw new PacketException("packet.not-addressed-to-sender", "Request packet " + requestPacketId
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

    /** OneDoor's signed receipt for the answer: {@code accepted}, or {@code late} when the request had ended. */
    private SignedPacket receipt(UUID receiptId, Manifest answered, Instant now, Taken taken) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receivedPacketId", answered.packetId().toString());
        payload.put("receivedAt", Manifest.formatTime(now));
        payload.put("outcome", taken == Taken.LATE ? "late" : "accepted");
        return ledger.issue(new Manifest(receiptId, PacketType.RECEIPT, answered.trackingNumber(),
                answered.serviceCode(), ledger.party(), answered.sender(), now, payload, List.of()));
    }

    /** The payload of an answer, checked against its packet type's published schema (contracts/schemas). */
    record Answer(String inReplyTo, String outcome, String reason, String caseNumber, LocalDate expectedCompletion,
            Decision decision, List<String> documents) {

        static Answer of(Operation operation, Map<String, Object> payload) {
            List<Violation> problems = ContractSchemas.payload(operation.type, JSON.valueToTree(payload));
            if (!problems.isEmpty()) {
                throw new OneDoorException("answer.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                        "The answer has " + problems.size() + " problem(s); see errors and "
                                + "/api/mda/schemas/" + ContractSchemas.payloadSchema(operation.type) + ".", problems);
            }
            String inReplyTo = text(payload, "inReplyTo");
            return switch (operation) {
                case ACKNOWLEDGE -> new Answer(inReplyTo, "accepted", null, text(payload, "caseNumber"),
                        LocalDate.parse(text(payload, "expectedCompletion")), null, List.of());
                case UPDATE_STATUS -> new Answer(inReplyTo, text(payload, "status"), text(payload, "text"), null, null,
                        null, List.of());
                case REQUEST_INFORMATION -> new Answer(inReplyTo, "information-requested", text(payload, "question"),
                        null, null, null, payload.get("documents") instanceof List<?> kinds
                                ? kinds.stream().map(String::valueOf).toList() : List.of());
                case DECIDE -> new Answer(inReplyTo, text(payload, "outcome"), text(payload, "reason"), null, null,
                        "approved".equals(payload.get("outcome")) ? Decision.APPROVED : Decision.REJECTED, List.of());
            };
        }

        private static String text(Map<String, Object> payload, String field) {
            Object value = payload.get(field);
            return value instanceof String s && !s.isBlank() ? s.trim() : null;
        }
    }
}
