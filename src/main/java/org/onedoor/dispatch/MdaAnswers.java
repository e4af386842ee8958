package org.onedoor.dispatch;

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
import java.util.regex.Pattern;

import org.onedoor.dispatch.DeliveryTable.Delivery;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.lifecycle.Decision;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.Taken;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketLedger;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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

    /** The statuses an MDA may report between acknowledgement and decision. */
    static final Set<String> STATUSES = Set.of("in-review", "inspection-scheduled", "awaiting-third-party", "on-hold");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{1,62}");

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
    private final DeliveryTable deliveries;
    private final AnswerTable answers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MdaAnswers(PacketVerifier verifier, PacketLedger ledger, Lifecycle lifecycle, ServiceRequests requests,
            DocumentStore documents, DeliveryTable deliveries, AnswerTable answers, ApplicationEventPublisher events,
            Clock clock) {
        this.verifier = verifier;
        this.ledger = ledger;
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.documents = documents;
        this.deliveries = deliveries;
        this.answers = answers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SignedPacket receive(Operation operation, SignedPacket packet, Map<String, byte[]> attached) {
        Manifest manifest = verifier.verify(packet, attached, ledger.party());
        if (manifest.type() != operation.type) {
            throw new PacketException("packet.wrong-type", "This operation takes a packet of type '"
                    + operation.type.wireName() + "', not '" + manifest.type().wireName() + "'.");
        }
        Answer answer = Answer.of(operation, manifest.payload());
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
        answers.insert(packetId, delivery.packetId(), manifest.type().wireName(), answer.outcome(), answer.reason(), now,
                taken == Taken.LATE);
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
        return receipt(manifest, now, taken);
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
    private SignedPacket receipt(Manifest answered, Instant now, Taken taken) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receivedPacketId", answered.packetId().toString());
        payload.put("receivedAt", Manifest.formatTime(now));
        payload.put("outcome", taken == Taken.LATE ? "late" : "accepted");
        return ledger.issue(new Manifest(UUID.randomUUID(), PacketType.RECEIPT, answered.trackingNumber(),
                answered.serviceCode(), ledger.party(), answered.sender(), now, payload, List.of()));
    }

    /** The payload of an answer, checked for its operation. */
    record Answer(String inReplyTo, String outcome, String reason, String caseNumber, LocalDate expectedCompletion,
            Decision decision, List<String> documents) {

        static Answer of(Operation operation, Map<String, Object> payload) {
            List<Violation> problems = new ArrayList<>();
            String inReplyTo = null;
            try {
                inReplyTo = UUID.fromString(String.valueOf(payload.get("inReplyTo"))).toString();
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("payload.inReplyTo", "required", "Give the packet id of the request packet answered."));
            }
            String outcome = text(payload, "outcome");
            String reason = text(payload, "reason");
            String caseNumber = null;
            LocalDate expected = null;
            Decision decision = null;
            List<String> kinds = List.of();
            switch (operation) {
                case ACKNOWLEDGE -> {
                    if (!"accepted".equals(outcome)) {
                        problems.add(new Violation("payload.outcome", "choice",
                                "accepted (to ask the applicant for something, send an info-request)"));
                    }
                    caseNumber = text(payload, "caseNumber");
                    if (caseNumber == null || caseNumber.length() > 100) {
                        problems.add(new Violation("payload.caseNumber", "required", "The MDA's own case number, up to 100 characters."));
                    }
                    try {
                        expected = LocalDate.parse(String.valueOf(payload.get("expectedCompletion")));
                    } catch (DateTimeParseException e) {
                        problems.add(new Violation("payload.expectedCompletion", "date", "The expected completion date, e.g. 2026-12-24."));
                    }
                }
                case DECIDE -> {
                    if ("approved".equals(outcome)) {
                        decision = Decision.APPROVED;
                    } else if ("rejected".equals(outcome)) {
                        decision = Decision.REJECTED;
                        if (reason == null) {
                            problems.add(new Violation("payload.reason", "required", "Give the reason for the rejection."));
                        }
                    } else {
                        problems.add(new Violation("payload.outcome", "choice",
                                "approved or rejected (to ask the applicant for something, send an info-request)"));
                    }
                }
                case REQUEST_INFORMATION -> {
                    outcome = "information-requested";
                    reason = text(payload, "question");
                    if (reason == null) {
                        problems.add(new Violation("payload.question", "required", "Say what the applicant must provide."));
                    }
                    kinds = kinds(payload.get("documents"), problems);
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
            return new Answer(inReplyTo, outcome, reason, caseNumber, expected, decision, kinds);
        }

        private static List<String> kinds(Object value, List<Violation> problems) {
            if (value == null) {
                return List.of();
            }
            List<String> kinds = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object kind : list) {
                    if (kind instanceof String s && KIND.matcher(s).matches() && !kinds.contains(s)) {
                        kinds.add(s);
                    } else {
                        problems.add(new Violation("payload.documents", "choice",
                                "A list of document kinds such as \"national-id\", each once."));
                        return List.of();
                    }
                }
                return kinds;
            }
            problems.add(new Violation("payload.documents", "choice", "A list of document kinds such as \"national-id\"."));
            return List.of();
        }

        private static String text(Map<String, Object> payload, String field) {
            Object value = payload.get(field);
            return value instanceof String s && !s.isBlank() ? s.trim() : null;
        }
    }
}
