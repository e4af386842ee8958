package org.onedoor.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.ServiceRequests.ReceivedDocument;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketLedger;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.Metrics;
import org.onedoor.system.OneDoorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a request at the counter. Everything happens in one transaction: the request, its documents, its
 * timeline and the start of its process are all stored, or none of them is.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    /** The party a receipt or notice is addressed to: the applicant at the counter. */
    public static final String RECEIPT_RECIPIENT = "applicant";
    /** The channel of the citizen's own filings, and the first part of who received them ({@code portal:<number>}). */
    static final String PORTAL = "portal";

    private final ServiceCatalogue catalogue;
    private final RequestValidator validator;
    private final DocumentStore documents;
    private final ServiceRequests requests;
    private final TrackingNumbers trackingNumbers;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final PacketLedger ledger;
    private final PortalSettings portal;
    private final MeterRegistry meters;

    IntakeService(ServiceCatalogue catalogue, RequestValidator validator, DocumentStore documents,
            ServiceRequests requests, TrackingNumbers trackingNumbers, WorkingDayCalendar calendar,
            ApplicationEventPublisher events, ObjectMapper json, Clock clock, PacketLedger ledger, PortalSettings portal,
            MeterRegistry meters) {
        this.portal = portal;
        this.catalogue = catalogue;
        this.validator = validator;
        this.documents = documents;
        this.requests = requests;
        this.trackingNumbers = trackingNumbers;
        this.calendar = calendar;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.ledger = ledger;
        this.meters = meters;
    }

    /** Filed at the counter, or by an officer for the call centre or social media ({@code channel}). */
    @Transactional
    IntakeResponse file(IntakeRequest request, List<Upload> uploads, String frontDeskUser) {
        return accept(request, uploads, frontDeskUser, request.channel(), List.of());
    }

    /**
     * Filed by the citizen from home, signed in with a one-time code sent to {@code number}: the same intake, with
     * the applicant's number the one proven, no payment (the fee is paid at the centre), and a few filings a day.
     */
    @Transactional
    IntakeResponse fileFromPortal(IntakeRequest request, List<Upload> uploads, String number) {
        String receivedBy = PORTAL + ":" + number;
        if (requests.filedBy(receivedBy, clock.instant().minus(Duration.ofDays(1))) >= portal.filingsPerDay()) {
            throw new OneDoorException("portal.too-many-filings", HttpStatus.TOO_MANY_REQUESTS, "This number has filed "
                    + portal.filingsPerDay() + " requests in the last 24 hours; please come to the centre.");
        }
        List<OneDoorException.Violation> portalRules = new ArrayList<>();
        if (request.payment() != null) {
            portalRules.add(new OneDoorException.Violation("payment", "field.not-allowed",
                    "The portal takes no payment: the fee is paid at the One-Door Service Centre."));
        }
        if (!IntakeRequest.COUNTER.equals(request.channel())) { // the default when none is given
            portalRules.add(new OneDoorException.Violation("channel", "field.not-allowed",
                    "A request filed here comes through the portal."));
        }
        if (request.applicant() != null && !PortalCodes.number(request.applicant().phone()).map(number::equals)
                .orElse(true)) {
            portalRules.add(new OneDoorException.Violation("applicant.phone", "applicant.phone-not-verified",
                    "The applicant's number must be the one the code was sent to."));
        }
        return accept(request, uploads, receivedBy, PORTAL, portalRules);
    }

    private IntakeResponse accept(IntakeRequest request, List<Upload> uploads, String frontDeskUser, String channel,
            List<OneDoorException.Violation> channelRules) {
        ServiceDefinition service = catalogue.offered(request.serviceCode()).orElseThrow(() -> new OneDoorException(
                "service.unknown", HttpStatus.UNPROCESSABLE_ENTITY,
                "No service with code '" + request.serviceCode() + "'. GET /api/services lists them."));
        RequestValidator.Checked checked = validator.check(service, request, uploads);
        List<OneDoorException.Violation> violations = new ArrayList<>(channelRules);
        violations.addAll(checked.violations());
        if (!violations.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The request has " + violations.size() + " problem(s); see errors.", violations);
        }

        Instant receivedAt = clock.instant();
        LocalDate filedOn = LocalDate.ofInstant(receivedAt, calendar.zone());
        LocalDate expectedBy = expected(service, request.priority(), filedOn);
        String trackingNumber = trackingNumbers.next(filedOn.getYear());
        String trackingCode = TrackingCodes.generate();

        boolean awaitingPayment = request.payment() == null && service.fee().waitsWhenUnpaid();
        requests.insert(trackingNumber, TrackingCodes.hash(trackingCode), request, toJson(checked.fields()),
                receivedAt, expectedBy, frontDeskUser, channel, awaitingPayment ? null : receivedAt);
        if (request.payment() != null) {
            requests.insertPayment(trackingNumber, request.payment(), service.fee().currency(), receivedAt,
                    frontDeskUser);
        }
        List<ReceivedDocument> received = new ArrayList<>();
        for (Upload upload : uploads) {
            ReceivedDocument doc = new ReceivedDocument(upload.kind(), upload.fileName(),
                    checked.mediaTypes().get(upload.kind()), upload.size(), documents.store(upload.content()).hex());
            requests.insertDocument(trackingNumber, doc);
            received.add(doc);
        }
        events.publishEvent(new RequestAccepted(trackingNumber, service.code(), receivedAt,
                awaitingPayment ? service.fee().amount() : null, service.fee().currency()));
        if (!awaitingPayment) {
            events.publishEvent(new RequestReleased(trackingNumber, service.code(), service.process(),
                    service.routing(), request.applicant().name().trim(), checked.fields(),
                    received.stream().map(ReceivedDocument::kind).toList(), request.priority(), expectedBy));
        }
        log.info("Accepted {} for {} from {} with {} document(s){}", trackingNumber, service.code(), frontDeskUser,
                received.size(), awaitingPayment ? ", waiting for payment" : "");
        Metrics.afterCommit(Metrics.REQUESTS.counter(meters, Metrics.SERVICE, service.code(),
                Metrics.CHANNEL, channel)::increment);
        SignedPacket receipt = receipt(service, request, trackingNumber, receivedAt, expectedBy, received,
                frontDeskUser, channel);
        return new IntakeResponse(trackingNumber, trackingCode, receipt.toJson());
    }

    /** The signed receipt of a payment made after filing, and the completion date it now promises. */
    public record PaymentResponse(String trackingNumber, LocalDate expectedCompletion, Map<String, String> receipt) {
    }

    /**
     * The fee of a filed request, paid after filing. A request that waited for it is released: its completion date
     * is counted from today and its process starts, in this transaction.
     */
    @Transactional
    PaymentResponse pay(String trackingNumber, IntakeRequest.Payment payment, String frontDeskUser) {
        ServiceRequests.Unpaid unpaid = requests.unpaid(trackingNumber);
        ServiceDefinition service = catalogue.find(unpaid.serviceCode()).orElseThrow(() -> new OneDoorException(
                "service.unknown", HttpStatus.CONFLICT, "The service '" + unpaid.serviceCode() + "' is not in the catalogue."));
        List<OneDoorException.Violation> violations = new ArrayList<>();
        RequestValidator.checkPayment(service, payment, violations);
        if (payment == null) {
            violations.add(new OneDoorException.Violation("payment", "field.required", "The payment is required."));
        }
        if (!violations.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The payment has " + violations.size() + " problem(s); see errors.", violations);
        }
        Instant paidAt = clock.instant();
        requests.insertPayment(trackingNumber, payment, service.fee().currency(), paidAt, frontDeskUser);
        events.publishEvent(new PaymentRecorded(trackingNumber, payment.method(), payment.amount(),
                service.fee().currency(), paidAt, frontDeskUser));
        LocalDate expectedBy = unpaid.expectedBy();
        if (unpaid.waiting()) {
            expectedBy = expected(service, unpaid.priority(), LocalDate.ofInstant(paidAt, calendar.zone()));
            requests.release(trackingNumber, paidAt, expectedBy);
            events.publishEvent(new RequestReleased(trackingNumber, service.code(), service.process(),
                    service.routing(), unpaid.applicantName(), unpaid.fields(), unpaid.documentKinds(),
                    unpaid.priority(), expectedBy));
        }
        log.info("Payment of {} recorded by {}{}", trackingNumber, frontDeskUser, unpaid.waiting() ? ", released" : "");
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("serviceName", Map.of("en", service.name().en(), "bn", service.name().bn()));
        receipt.put("payment", paymentOf(payment, service));
        receipt.put("receivedAt", Manifest.formatTime(paidAt));
        receipt.put("receivedBy", frontDeskUser);
        receipt.put("expectedCompletion", expectedBy.toString());
        SignedPacket signed = ledger.issue(new Manifest(UUID.randomUUID(), PacketType.RECEIPT, trackingNumber,
                service.code(), ledger.party(), RECEIPT_RECIPIENT, paidAt, receipt, List.of()));
        return new PaymentResponse(trackingNumber, expectedBy, signed.toJson());
    }

    /** What a request filed now would be promised: the service's SLA (shorter with a priority) in working days. */
    public record Promise(String serviceCode, String priority, int slaWorkingDays, LocalDate expectedCompletion) {
    }

    Promise promise(String serviceCode, String priority) {
        ServiceDefinition service = catalogue.offered(serviceCode).orElseThrow(() -> new OneDoorException(
                "service.unknown", HttpStatus.NOT_FOUND, "No service with code '" + serviceCode + "'."));
        if (priority != null && service.priority(priority).isEmpty()) {
            throw new OneDoorException("priority.unknown", HttpStatus.UNPROCESSABLE_ENTITY,
                    "Not a priority of this service.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        return new Promise(serviceCode, priority, service.slaFor(priority), expected(service, priority, today));
    }

    private LocalDate expected(ServiceDefinition service, String priority, LocalDate filedOn) {
        return calendar.addWorkingDays(filedOn, service.slaFor(priority));
    }

    /** The acknowledgement the citizen takes home, signed by OneDoor and kept in the message log. */
    private SignedPacket receipt(ServiceDefinition service, IntakeRequest request, String trackingNumber,
            Instant receivedAt, LocalDate expectedBy, List<ReceivedDocument> received, String frontDeskUser,
            String channel) {
        String priority = request.priority();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("serviceName", Map.of("en", service.name().en(), "bn", service.name().bn()));
        payload.put("fee", Map.of("amount", service.fee().amount(), "currency", service.fee().currency()));
        if (request.payment() != null) {
            payload.put("payment", paymentOf(request.payment(), service));
        } else if (service.fee().waitsWhenUnpaid()) {
            payload.put("awaitingPayment", true);
        }
        payload.put("receivedAt", Manifest.formatTime(receivedAt));
        payload.put("receivedBy", frontDeskUser);
        payload.put("channel", channel);
        payload.put("expectedCompletion", expectedBy.toString());
        service.priority(priority).ifPresent(p -> payload.put("priority", Map.of("code", p.code(),
                "label", Map.of("en", p.label().en(), "bn", p.label().bn()))));
        List<Manifest.DocumentEntry> documents = received.stream()
                .map(d -> new Manifest.DocumentEntry(d.kind(), d.mediaType(), d.size(), d.sha256())).toList();
        return ledger.issue(new Manifest(UUID.randomUUID(), PacketType.RECEIPT, trackingNumber, service.code(),
                ledger.party(), RECEIPT_RECIPIENT, receivedAt, payload, documents));
    }

    private static Map<String, Object> paymentOf(IntakeRequest.Payment payment, ServiceDefinition service) {
        return Map.of("method", payment.method(), "reference", payment.reference(), "amount", payment.amount(),
                "currency", service.fee().currency());
    }

    /**
     * What a receipt says, read back from its signed payload: the filing's (the members {@link #receipt} writes) or
     * a later payment's (service, payment, when, by whom, and the completion date it now promises).
     */
    public record ReceiptContent(LocalizedName serviceName, ServiceDefinition.Fee fee, IntakeRequest.Payment payment,
            boolean awaitingPayment, Instant receivedAt, String receivedBy, String channel,
            LocalDate expectedCompletion, Priority priority) {

        public record Priority(String code, LocalizedName label) {
        }

        /** The clerk who took it; none for the citizen's own filing from the portal. */
        public Optional<String> clerk() {
            return PORTAL.equals(channel) ? Optional.empty() : Optional.ofNullable(receivedBy);
        }
    }

    /** A receipt as handed over: what it says, and the signed packet in its JSON form. */
    public record IssuedReceipt(ReceiptContent content, Map<String, String> signed) {
    }

    /**
     * The receipts handed to the applicant, found again in the message log as they were signed: the filing's first,
     * then the payment's if the fee was paid after filing.
     */
    public List<IssuedReceipt> issuedReceipts(String trackingNumber) {
        return ledger.issued(trackingNumber, PacketType.RECEIPT, RECEIPT_RECIPIENT).stream()
                .map(packet -> new IssuedReceipt(json.convertValue(Manifest.fromCanonical(packet.manifest()).payload(),
                        ReceiptContent.class), packet.toJson()))
                .toList();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form values are plain JSON", e);
        }
    }
}
