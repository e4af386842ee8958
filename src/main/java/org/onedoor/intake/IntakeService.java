package org.onedoor.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.onedoor.casework.WorkingDayCalendar;
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
    private final MeterRegistry meters;

    IntakeService(ServiceCatalogue catalogue, RequestValidator validator, DocumentStore documents,
            ServiceRequests requests, TrackingNumbers trackingNumbers, WorkingDayCalendar calendar,
            ApplicationEventPublisher events, ObjectMapper json, Clock clock, PacketLedger ledger, MeterRegistry meters) {
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

    @Transactional
    IntakeResponse file(IntakeRequest request, List<Upload> uploads, String frontDeskUser) {
        ServiceDefinition service = catalogue.offered(request.serviceCode()).orElseThrow(() -> new OneDoorException(
                "service.unknown", HttpStatus.UNPROCESSABLE_ENTITY,
                "No service with code '" + request.serviceCode() + "'. GET /api/services lists them."));
        RequestValidator.Checked checked = validator.check(service, request, uploads);
        if (!checked.violations().isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The request has " + checked.violations().size() + " problem(s); see errors.", checked.violations());
        }

        Instant receivedAt = clock.instant();
        LocalDate filedOn = LocalDate.ofInstant(receivedAt, calendar.zone());
        LocalDate expectedBy = expected(service, request.priority(), filedOn);
        String trackingNumber = trackingNumbers.next(filedOn.getYear());
        String trackingCode = TrackingCodes.generate();

        requests.insert(trackingNumber, TrackingCodes.hash(trackingCode), request, toJson(checked.fields()),
                receivedAt, expectedBy, frontDeskUser);
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
        events.publishEvent(new RequestAccepted(trackingNumber, service.code(), service.process(), service.routing(),
                request.applicant().name().trim(), checked.fields(), received.stream().map(ReceivedDocument::kind).toList(),
                request.priority(), receivedAt, expectedBy));
        log.info("Accepted {} for {} from {} with {} document(s)", trackingNumber, service.code(), frontDeskUser,
                received.size());
        Metrics.afterCommit(Metrics.REQUESTS.counter(meters, Metrics.SERVICE, service.code(),
                Metrics.CHANNEL, request.channel())::increment);
        SignedPacket receipt = receipt(service, request, trackingNumber, receivedAt, expectedBy, received,
                frontDeskUser);
        return new IntakeResponse(trackingNumber, trackingCode, receipt.toJson());
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
            Instant receivedAt, LocalDate expectedBy, List<ReceivedDocument> received, String frontDeskUser) {
        String priority = request.priority();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("serviceName", Map.of("en", service.name().en(), "bn", service.name().bn()));
        payload.put("fee", Map.of("amount", service.fee().amount(), "currency", service.fee().currency()));
        if (request.payment() != null) {
            payload.put("payment", Map.of("method", request.payment().method(), "reference",
                    request.payment().reference(), "amount", request.payment().amount(),
                    "currency", service.fee().currency()));
        }
        payload.put("receivedAt", Manifest.formatTime(receivedAt));
        payload.put("receivedBy", frontDeskUser);
        payload.put("channel", request.channel());
        payload.put("expectedCompletion", expectedBy.toString());
        service.priority(priority).ifPresent(p -> payload.put("priority", Map.of("code", p.code(),
                "label", Map.of("en", p.label().en(), "bn", p.label().bn()))));
        List<Manifest.DocumentEntry> documents = received.stream()
                .map(d -> new Manifest.DocumentEntry(d.kind(), d.mediaType(), d.size(), d.sha256())).toList();
        return ledger.issue(new Manifest(UUID.randomUUID(), PacketType.RECEIPT, trackingNumber, service.code(),
                ledger.party(), RECEIPT_RECIPIENT, receivedAt, payload, documents));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form values are plain JSON", e);
        }
    }
}
