package org.onedoor.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.Receipt.ReceivedDocument;
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

    private final ServiceCatalogue catalogue;
    private final RequestValidator validator;
    private final DocumentStore documents;
    private final ServiceRequests requests;
    private final TrackingNumbers trackingNumbers;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeService(ServiceCatalogue catalogue, RequestValidator validator, DocumentStore documents,
            ServiceRequests requests, TrackingNumbers trackingNumbers, WorkingDayCalendar calendar,
            ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
        this.catalogue = catalogue;
        this.validator = validator;
        this.documents = documents;
        this.requests = requests;
        this.trackingNumbers = trackingNumbers;
        this.calendar = calendar;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    IntakeResponse file(IntakeRequest request, List<Upload> uploads, String frontDeskUser) {
        ServiceDefinition service = catalogue.find(request.serviceCode()).orElseThrow(() -> new OneDoorException(
                "service.unknown", HttpStatus.UNPROCESSABLE_ENTITY,
                "No service with code '" + request.serviceCode() + "'. GET /api/services lists them."));
        RequestValidator.Checked checked = validator.check(service, request, uploads);
        if (!checked.violations().isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The request has " + checked.violations().size() + " problem(s); see errors.", checked.violations());
        }

        Instant receivedAt = clock.instant();
        LocalDate filedOn = LocalDate.ofInstant(receivedAt, calendar.zone());
        LocalDate expectedBy = calendar.addWorkingDays(filedOn, service.slaWorkingDays());
        String trackingNumber = trackingNumbers.next(filedOn.getYear());
        String trackingCode = TrackingCodes.generate();

        requests.insert(trackingNumber, TrackingCodes.hash(trackingCode), request, toJson(checked.fields()),
                receivedAt, expectedBy, frontDeskUser);
        List<ReceivedDocument> received = new ArrayList<>();
        for (Upload upload : uploads) {
            ReceivedDocument doc = new ReceivedDocument(upload.kind(), upload.fileName(),
                    checked.mediaTypes().get(upload.kind()), upload.content().length, documents.store(upload.content()));
            requests.insertDocument(trackingNumber, doc);
            received.add(doc);
        }
        events.publishEvent(new RequestAccepted(trackingNumber, service.code(), service.process(),
                request.applicant().name().trim(), checked.fields(), receivedAt, expectedBy));
        log.info("Accepted {} for {} from {} with {} document(s)", trackingNumber, service.code(), frontDeskUser,
                received.size());
        Receipt receipt = new Receipt(trackingNumber, service.code(), service.name(), service.fee(), receivedAt,
                expectedBy, List.copyOf(received));
        return new IntakeResponse(trackingNumber, trackingCode, receipt);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form values are plain JSON", e);
        }
    }
}
