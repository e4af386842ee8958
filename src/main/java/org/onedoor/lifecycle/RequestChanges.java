package org.onedoor.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition.DocumentRequirement;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.IntakeService;
import org.onedoor.intake.RequestValidator;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.intake.Upload;
import org.onedoor.lifecycle.InformationRequest.AnsweredDocument;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketLedger;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * What the front desk and administrators change on a filed request: a withdrawal at the applicant's wish, the
 * applicant's answer to an MDA's question, a cancellation. Each is checked first and is done whole or not at all;
 * withdrawals and cancellations are signed notices to the applicant, kept in the message log.
 */
@Service
public class RequestChanges {

    /** Documents an MDA asks for that the service's catalogue does not describe. */
    static final DocumentRequirement ANY_DOCUMENT = new DocumentRequirement("any", null,
            List.of("application/pdf", "image/jpeg", "image/png"), DataSize.ofMegabytes(10), true);
    private static final int MAX_TEXT = 4000;

    private final Lifecycle lifecycle;
    private final ServiceRequests requests;
    private final ServiceCatalogue catalogue;
    private final RequestValidator validator;
    private final DocumentStore documents;
    private final PacketLedger ledger;
    private final Clock clock;

    RequestChanges(Lifecycle lifecycle, ServiceRequests requests, ServiceCatalogue catalogue, RequestValidator validator,
            DocumentStore documents, PacketLedger ledger, Clock clock) {
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.catalogue = catalogue;
        this.validator = validator;
        this.documents = documents;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The signed notice handed to the applicant, and where the request stands now. */
    public record Changed(String trackingNumber, RequestState state, Map<String, String> notice) {
    }

    @Transactional
    public Changed withdraw(String trackingNumber, String trackingCode, String reason, String frontDesk) {
        FiledRequest request = filed(trackingNumber, trackingCode);
        String why = required("reason", reason, 1000);
        lifecycle.withdraw(trackingNumber, why, frontDesk);
        return new Changed(trackingNumber, RequestState.WITHDRAWN,
                notice(PacketType.WITHDRAWAL, request, why, frontDesk).toJson());
    }

    @Transactional
    public Changed cancel(String trackingNumber, String reason, String administrator) {
        FiledRequest request = requests.find(trackingNumber).orElseThrow(() -> unknown(trackingNumber));
        String why = required("reason", reason, 1000);
        lifecycle.cancel(trackingNumber, why, administrator);
        return new Changed(trackingNumber, RequestState.CANCELLED,
                notice(PacketType.CANCELLATION, request, why, administrator).toJson());
    }

    /**
     * The applicant's answer to an MDA's open question, checked like a filing: the documents asked for, each of
     * an allowed type; nothing is stored if anything is wrong.
     */
    @Transactional
    public Changed answer(String trackingNumber, String trackingCode, String informationRequestId, String text,
            List<Upload> uploads, String frontDesk) {
        FiledRequest request = filed(trackingNumber, trackingCode);
        InformationRequest asked = question(trackingNumber, informationRequestId);
        List<Violation> violations = new ArrayList<>();
        String answer = text == null || text.isBlank() ? null : text.trim();
        if (answer == null && asked.documents().isEmpty()) {
            violations.add(new Violation("text", "field.required", "Answer the question."));
        } else if (answer != null && answer.length() > MAX_TEXT) {
            violations.add(new Violation("text", "field.too-long", "At most " + MAX_TEXT + " characters."));
        }
        List<DocumentRequirement> wanted = asked.documents().stream().map(kind -> catalogue.find(request.serviceCode())
                .flatMap(s -> s.document(kind))
                .map(d -> new DocumentRequirement(kind, d.label(), d.mediaTypes(), d.maxSize(), true))
                .orElse(new DocumentRequirement(kind, null, ANY_DOCUMENT.mediaTypes(), ANY_DOCUMENT.maxSize(), true)))
                .toList();
        Map<String, String> mediaTypes = validator.documents("The question of " + asked.mdaCode(), wanted, uploads,
                violations);
        if (!violations.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The answer has " + violations.size() + " problem(s); see errors.", violations);
        }
        List<AnsweredDocument> stored = uploads.stream().map(u -> new AnsweredDocument(u.kind(), u.fileName(),
                mediaTypes.get(u.kind()), u.size(), documents.store(u.content()).hex())).toList();
        lifecycle.answer(trackingNumber, asked.id(), answer, stored, frontDesk);
        return new Changed(trackingNumber, lifecycle.state(trackingNumber).orElseThrow(), null);
    }

    private FiledRequest filed(String trackingNumber, String trackingCode) {
        FiledRequest request = requests.find(trackingNumber).orElseThrow(() -> unknown(trackingNumber));
        if (!request.codeMatches(trackingCode)) {
            throw new OneDoorException("tracking.code-mismatch", HttpStatus.FORBIDDEN,
                    "The tracking code does not match " + trackingNumber + "; it is printed on the applicant's receipt.");
        }
        return request;
    }

    /** The question answered: the one named, or the only open one. */
    private InformationRequest question(String trackingNumber, String id) {
        List<InformationRequest> open = lifecycle.view(trackingNumber).orElseThrow().informationRequests().stream()
                .filter(InformationRequest::open).toList();
        if (id != null && !id.isBlank()) {
            return open.stream().filter(r -> r.id().equals(id.trim())).findFirst().orElseThrow(() -> notAsked(trackingNumber));
        }
        if (open.isEmpty()) {
            throw notAsked(trackingNumber);
        }
        if (open.size() > 1) {
            throw new OneDoorException("information.which", HttpStatus.UNPROCESSABLE_ENTITY, open.size()
                    + " MDAs wait for the applicant: name the question answered (informationRequestId, on the tracking page).");
        }
        return open.get(0);
    }

    private SignedPacket notice(PacketType type, FiledRequest request, String reason, String by) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        payload.put("at", Manifest.formatTime(now));
        payload.put("by", by);
        return ledger.issue(new Manifest(UUID.randomUUID(), type, request.trackingNumber(), request.serviceCode(),
                ledger.party(), IntakeService.RECEIPT_RECIPIENT, now, payload, List.of()));
    }

    private static String required(String path, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY, "Give the " + path + ".",
                    List.of(new Violation(path, "field.required", "This field is required.")));
        }
        if (value.trim().length() > max) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY, "The " + path + " is too long.",
                    List.of(new Violation(path, "field.too-long", "At most " + max + " characters.")));
        }
        return value.trim();
    }

    private static OneDoorException unknown(String trackingNumber) {
        return new OneDoorException("tracking.unknown", HttpStatus.NOT_FOUND,
                "No request has the tracking number '" + trackingNumber + "'.");
    }

    private static OneDoorException notAsked(String trackingNumber) {
        return new OneDoorException("information.not-requested", HttpStatus.CONFLICT,
                "No MDA waits for information from the applicant of " + trackingNumber + ".");
    }
}
