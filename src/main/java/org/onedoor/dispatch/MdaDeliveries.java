package org.onedoor.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition.LegNeeds;
import org.onedoor.dispatch.DeliveryTable.Delivery;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.intake.ServiceRequests.ReceivedDocument;
import org.onedoor.lifecycle.InformationAnswered;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.RequestEnded;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.packet.ContractSchemas;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketLedger;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.SignedPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Packets to MDA systems: the request, the applicant's information, and the notice that a request ended. Each id
 * is fixed before the first attempt ({@code mda_delivery}); every attempt runs in the delivery job's
 * transaction, carries that id, and returns only when the MDA has given its signed receipt.
 */
@Service
public class MdaDeliveries {

    private static final Logger log = LoggerFactory.getLogger(MdaDeliveries.class);
    private static final ObjectMapper RECEIPTS = new ObjectMapper();
    /** The legs whose MDA may hold the request packet when the request ends: they are told. */
    private static final Set<LegState> HOLDING = Set.of(LegState.PENDING, LegState.SENT, LegState.ACKNOWLEDGED,
            LegState.WAITING_FOR_APPLICANT);

    private final ConnectorRegistry connectors;
    private final ServiceCatalogue catalogue;
    private final ServiceRequests requests;
    private final DocumentStore documents;
    private final PacketLedger ledger;
    private final PacketVerifier verifier;
    private final Lifecycle lifecycle;
    private final MdaGateway gateway;
    private final DeliveryTable table;
    private final PacketMeters meters;
    private final Clock clock;

    MdaDeliveries(ConnectorRegistry connectors, ServiceCatalogue catalogue, ServiceRequests requests, DocumentStore documents, PacketLedger ledger,
            PacketVerifier verifier, Lifecycle lifecycle, MdaGateway gateway, DeliveryTable table, PacketMeters meters,
            Clock clock) {
        this.connectors = connectors;
        this.catalogue = catalogue;
        this.requests = requests;
        this.documents = documents;
        this.ledger = ledger;
        this.verifier = verifier;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.table = table;
        this.meters = meters;
        this.clock = clock;
    }

    /** Fixes the id of the request packet to the MDA, before the first attempt. */
    public void prepare(String trackingNumber, String mdaCode) {
        Connector connector = connectors.get(mdaCode);
        if (!connector.mode().hasSystem()) {
            throw new IllegalStateException("MDA '" + mdaCode + "' works in the task list; it has no system to send to.");
        }
        table.prepare(trackingNumber, mdaCode, PacketType.REQUEST, null, clock.instant());
    }

    /**
     * One attempt to send the request packet. Nothing is sent once the request has ended. The delivery row stays
     * locked until the job commits, so that an answer that overtakes this commit waits for it.
     *
     * @throws DeliveryRefusedException the MDA refused the packet: a business outcome for the process
     * @throws DeliveryFailedException  the MDA could not be reached or answered nonsense: for the job's retries
     */
    public void send(String trackingNumber, String mdaCode) {
        Delivery delivery = table.request(trackingNumber, mdaCode).flatMap(d -> table.lock(d.packetId())).orElse(null);
        if (delivery == null || !lifecycle.legOpen(trackingNumber, mdaCode)) {
            return;
        }
        FiledRequest request = requests.find(trackingNumber).orElseThrow();
        // Need to know: the MDA receives the fields and documents its part needs, and its manifest lists only those.
        // Fails closed: without its entry, what the MDA needs to know is unknown, and the delivery job raises an incident.
        LegNeeds needs = catalogue.find(request.serviceCode()).map(s -> s.needsOf(mdaCode)).orElseThrow(() ->
                new IllegalStateException("No catalogue entry for " + request.serviceCode() + " on this node"));
        List<OutboundPacket.Attachment> attachments = new ArrayList<>();
        List<Manifest.DocumentEntry> entries = new ArrayList<>();
        for (ReceivedDocument d : requests.documents(trackingNumber)) {
            if (needs.document(d.kind())) {
                entries.add(new Manifest.DocumentEntry(d.kind(), d.mediaType(), d.size(), d.sha256()));
                attachments.add(new OutboundPacket.Attachment(d.kind(), d.mediaType(), d.size(),
                        () -> documents.open(d.sha256())));
            }
        }
        Map<String, Object> particulars = new LinkedHashMap<>(requests.particulars(trackingNumber));
        if (particulars.get("form") instanceof Map<?, ?> form) {
            Map<String, Object> needed = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (needs.field(String.valueOf(name))) {
                    needed.put(String.valueOf(name), value);
                }
            });
            particulars.put("form", needed);
        }
        Attempt attempt = deliver(delivery, request.serviceCode(), particulars, entries, attachments);
        if (attempt.refusal() != null) {
            lifecycle.refused(trackingNumber, mdaCode, attempt.refusal().refusalCode(), attempt.refusal().reason());
            attempt.record(ledger);
            throw attempt.refusal();
        }
        lifecycle.delivered(trackingNumber, mdaCode);
        attempt.record(ledger);
    }

    /** Tells the MDA that the request ended before it decided. An MDA that no longer knows the request refuses: done too. */
    public void sendCancellation(String trackingNumber, String mdaCode) {
        FiledRequest request = requests.find(trackingNumber).orElseThrow();
        var view = lifecycle.view(trackingNumber).orElseThrow();
        for (Delivery pending : table.unsent(trackingNumber, mdaCode, PacketType.CANCELLATION)) {
            Delivery delivery = table.lock(pending.packetId()).filter(d -> !d.sent()).orElse(null);
            if (delivery == null) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("inReplyTo", delivery.inReplyTo());
            payload.put("outcome", view.state().name().toLowerCase(java.util.Locale.ROOT));
            if (view.endReason() != null) {
                payload.put("reason", view.endReason());
            }
            Attempt attempt = deliver(delivery, request.serviceCode(), payload, List.of(), List.of());
            if (attempt.refusal() != null) {
                log.info("{} refused the cancellation of {} ({}): nothing left to cancel there", mdaCode, trackingNumber,
                        attempt.refusal().getMessage());
                table.sent(delivery.packetId(), clock.instant());
            }
            attempt.record(ledger);
            lifecycle.cancellationDelivered(trackingNumber, mdaCode);
        }
    }

    /** Sends the applicant's answer to the MDA that asked, with the documents the applicant brought. */
    public void sendInformation(String trackingNumber, String mdaCode) {
        FiledRequest request = requests.find(trackingNumber).orElseThrow();
        for (Delivery pending : table.unsent(trackingNumber, mdaCode, PacketType.INFORMATION)) {
            Delivery delivery = table.lock(pending.packetId()).filter(d -> !d.sent()).orElse(null);
            if (delivery == null || !lifecycle.legOpen(trackingNumber, mdaCode)) {
                continue;
            }
            InformationRequest asked = lifecycle.informationRequest(delivery.inReplyTo()).orElseThrow();
            List<OutboundPacket.Attachment> attachments = new ArrayList<>();
            List<Manifest.DocumentEntry> entries = new ArrayList<>();
            for (InformationRequest.AnsweredDocument d : lifecycle.answeredDocuments(asked.id())) {
                entries.add(new Manifest.DocumentEntry(d.kind(), d.mediaType(), d.size(), d.sha256()));
                attachments.add(new OutboundPacket.Attachment(d.kind(), d.mediaType(), d.size(),
                        () -> documents.open(d.sha256())));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("inReplyTo", asked.id());
            payload.put("requestPacketId", table.request(trackingNumber, mdaCode).orElseThrow().packetId());
            if (asked.answer() != null) {
                payload.put("answer", asked.answer());
            }
            Attempt attempt = deliver(delivery, request.serviceCode(), payload, entries, attachments);
            if (attempt.refusal() != null) {
                // The MDA's system cannot take what it asked for: a contract problem for an operator, not a decision.
                throw new DeliveryFailedException(attempt.refusal().getMessage(), attempt.refusal());
            }
            attempt.record(ledger);
        }
    }

    /** The MDAs that still have to be told that the request ended (the process tells each in a job of its own). */
    public List<String> cancellationsToSend(String trackingNumber) {
        return table.mdasWithUnsent(trackingNumber, PacketType.CANCELLATION);
    }

    /** Fixes the ids of the cancellation notices, in the transaction that ended the request. */
    @EventListener
    void onEnded(RequestEnded ended) {
        for (RequestEnded.CancelledLeg leg : ended.cancelled()) {
            if (leg.hasSystem() && HOLDING.contains(leg.was())) {
                table.request(ended.trackingNumber(), leg.mdaCode()).ifPresent(request -> table.prepare(
                        ended.trackingNumber(), leg.mdaCode(), PacketType.CANCELLATION, request.packetId(), clock.instant()));
            }
        }
    }

    /** Fixes the id of the information packet, in the transaction that took the applicant's answer. */
    @EventListener(condition = "#answered.toMdaSystem()")
    void onInformation(InformationAnswered answered) {
        table.prepare(answered.trackingNumber(), answered.mdaCode(), PacketType.INFORMATION,
                answered.informationRequestId(), clock.instant());
    }

    /**
     * One attempt's packet and what the MDA answered: its receipt, or its refusal. Recorded together by the caller
     * once the lifecycle has taken the outcome: every transaction takes the request's lock before the message log's
     * head, since the other order deadlocks with the MDA's answers.
     */
    private record Attempt(Manifest manifest, SignedPacket packet, Manifest receiptManifest, SignedPacket receipt,
            DeliveryRefusedException refusal) {
        void record(PacketLedger ledger) {
            ledger.record(manifest, packet);
            if (receipt != null) {
                ledger.record(receiptManifest, receipt);
            }
        }
    }

    /** One attempt of one packet, signed anew (a fresh creation time) with its fixed id; counted and timed. */
    private Attempt deliver(Delivery delivery, String serviceCode, Map<String, Object> payload,
            List<Manifest.DocumentEntry> entries, List<OutboundPacket.Attachment> attachments) {
        Connector connector = connectors.get(delivery.mdaCode());
        Manifest manifest = new Manifest(UUID.fromString(delivery.packetId()), delivery.type(),
                delivery.trackingNumber(), serviceCode, ledger.party(), connector.code(), clock.instant(), payload,
                entries);
        SignedPacket packet = ledger.sign(manifest);
        long started = System.nanoTime();
        PacketMeters.Outcome outcome = PacketMeters.Outcome.FAILED;
        try {
            Attempt attempt = exchange(connector, delivery, manifest, packet, attachments);
            outcome = attempt.refusal() == null ? PacketMeters.Outcome.DELIVERED : PacketMeters.Outcome.REFUSED;
            return attempt;
        } finally {
            meters.attempt(connector.code(), delivery.type(), outcome, System.nanoTime() - started);
        }
    }

    private Attempt exchange(Connector connector, Delivery delivery, Manifest manifest, SignedPacket packet,
            List<OutboundPacket.Attachment> attachments) {
        SignedPacket receipt;
        try {
            receipt = gateway.deliver(new OutboundPacket(connector, connectors.endpoint(connector), packet, attachments));
        } catch (DeliveryRefusedException refused) {
            return new Attempt(manifest, packet, null, null, refused);
        }
        Manifest answer = accept(connector, delivery, receipt);
        if ("refused".equals(answer.payload().get("outcome"))) {
            return new Attempt(manifest, packet, answer, receipt, new DeliveryRefusedException(connector.name().en(), null,
                    String.valueOf(answer.payload().get("reason"))));
        }
        table.sent(delivery.packetId(), clock.instant());
        log.info("Delivered the {} {} for {} to {}", delivery.type().wireName(), delivery.packetId(),
                delivery.trackingNumber(), connector.code());
        return new Attempt(manifest, packet, answer, receipt, null);
    }

    /** The MDA's receipt: for this very packet, signed by the MDA, of the published shape. */
    private Manifest accept(Connector connector, Delivery delivery, SignedPacket receipt) {
        Manifest answer;
        try {
            answer = verifier.verifyReceipt(receipt, ledger.party(), delivery.preparedAt());
        } catch (PacketException e) {
            meters.verificationFailed(connector.code(), e.code());
            throw new DeliveryFailedException(connector.code() + " answered with a receipt OneDoor cannot accept ("
                    + e.code() + "): " + e.getMessage(), e);
        }
        if (!answer.sender().equals(connector.code()) || answer.type() != PacketType.RECEIPT
                || !delivery.packetId().equals(answer.payload().get("receivedPacketId"))) {
            throw new DeliveryFailedException("The receipt from " + connector.code() + " does not acknowledge packet "
                    + delivery.packetId() + ".", null);
        }
        var problems = ContractSchemas.payload(PacketType.RECEIPT, RECEIPTS.valueToTree(answer.payload()));
        if (!problems.isEmpty()) {
            throw new DeliveryFailedException("The receipt from " + connector.code() + " breaks receipt.schema.json: "
                    + problems, null);
        }
        return answer;
    }
}
