package org.onedoor.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.documents.Downloads;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.intake.IntakeService;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.lifecycle.RequestView;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.sla.SlaClocks;
import org.onedoor.system.OneDoorException;
import org.onedoor.viewlog.ViewLog;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/track/{trackingNumber}?code=...&lang=bn}: public, for the citizen. The request's state, each
 * MDA's part, what is asked of the applicant, the timeline, in English or Bangla, and which MDAs' officers opened
 * the file how often; {@code .../receipt.pdf} prints the receipt. An unknown number and a wrong code get the same
 * 404, so that the endpoint tells nothing to someone guessing numbers.
 */
@RestController
class TrackingController {

    private final ServiceRequests requests;
    private final Lifecycle lifecycle;
    private final Timeline timeline;
    private final CitizenMessages messages;
    private final ServiceCatalogue catalogue;
    private final ConnectorRegistry connectors;
    private final ViewLog views;
    private final SlaClocks clocks;
    private final Downloads downloads;
    private final Feedback feedback;
    private final Grievances grievances;
    private final IntakeService intake;
    private final NotificationSettings settings;
    private final ReceiptPdf receiptPdf;

    TrackingController(ServiceRequests requests, Lifecycle lifecycle, Timeline timeline, CitizenMessages messages,
            ServiceCatalogue catalogue, ConnectorRegistry connectors, ViewLog views, SlaClocks clocks,
            Downloads downloads, Feedback feedback, Grievances grievances, IntakeService intake,
            NotificationSettings settings, ReceiptPdf receiptPdf) {
        this.feedback = feedback;
        this.grievances = grievances;
        this.downloads = downloads;
        this.intake = intake;
        this.settings = settings;
        this.receiptPdf = receiptPdf;
        this.views = views;
        this.clocks = clocks;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.messages = messages;
        this.catalogue = catalogue;
        this.connectors = connectors;
    }

    record Status(String trackingNumber, String serviceCode, LocalizedName serviceName, Language language,
            RequestState state, String stateText, Instant receivedAt, LocalDate expectedCompletion, Instant endedAt,
            ServiceDefinition.Fee fee, ServiceRequests.PaidFee payment, Feedback.Rating feedback,
            List<Grievance> grievances, List<LegStatus> legs, List<Question> questions, List<Step> timeline, List<Opened> openedBy,
            List<Issued> issuedDocuments) {
    }

    /** A grievance about the request, with the office's name. */
    record Grievance(@JsonUnwrapped Grievances.Grievance grievance,
            LocalizedName mdaName) {
    }

    /** A document an MDA issued with its answer (a licence, a clearance), and where the citizen downloads it. */
    record Issued(String mdaCode, LocalizedName mdaName, String name, String mediaType, long size, String href) {
    }

    /** Which MDA's officers opened the applicant's file, and how often: the citizen's right to know. */
    record Opened(String mdaCode, LocalizedName mdaName, long times) {
    }

    /**
     * One MDA's part: its state, its clock (due date, working days paused for the applicant, expected completion),
     * its own case number and date, its decision, what it waits for.
     */
    record LegStatus(String mdaCode, LocalizedName mdaName, int stage, LegState state, String stateText,
            LocalDate dueDate, long pausedWorkingDays, LocalDate expectedCompletion, boolean overdue,
            String caseNumber, LocalDate mdaExpectedCompletion, String reason, Question waitingFor) {
    }

    /** What an MDA asked the applicant; {@code id} is what the answer names. */
    record Question(String id, String mdaCode, String question, List<String> documents, Instant askedAt,
            Instant answeredAt) {
    }

    record Step(Instant at, News kind, String mdaCode, LocalizedName mdaName, String message, boolean afterOutcome) {
    }

    @GetMapping("/api/track/{trackingNumber}")
    Status track(@PathVariable String trackingNumber, @RequestParam(required = false) String code,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        FiledRequest request = filed(trackingNumber, code);
        Language language = Language.of(lang, acceptLanguage);
        RequestView view = lifecycle.view(trackingNumber).orElseThrow();
        List<Question> questions = view.informationRequests().stream().map(TrackingController::question).toList();
        SlaClocks.RequestClock clock = clocks.of(request, view);
        List<LegStatus> legs = view.legs().stream().map(leg -> {
            SlaClocks.LegClock legClock = clock.leg(leg.mdaCode()).orElseThrow();
            Question waitingFor = leg.state() == LegState.WAITING_FOR_APPLICANT ? questions.stream()
                    .filter(q -> q.mdaCode().equals(leg.mdaCode()) && q.answeredAt() == null)
                    .reduce((a, b) -> b).orElse(null) : null;
            return new LegStatus(leg.mdaCode(), name(leg.mdaCode()), leg.stage(), leg.state(),
                    messages.legState(leg.state(), language), legClock.dueDate(), legClock.pausedWorkingDays(),
                    legClock.expectedBy(), legClock.overdue(), leg.caseNumber(), leg.mdaExpectedBy(),
                    leg.decisionReason(), waitingFor);
        }).toList();
        List<Step> steps = timeline.entries(trackingNumber).stream()
                .map(e -> new Step(e.at(), e.kind(), e.mdaCode(), name(e.mdaCode()),
                        messages.news(e.kind(), e.mdaCode(), e.facts(), language), e.afterOutcome()))
                .toList();
        Optional<ServiceDefinition> service = catalogue.find(request.serviceCode());
        List<Opened> opened = views.counts(trackingNumber).stream()
                .map(c -> new Opened(c.mdaCode(), name(c.mdaCode()), c.views())).toList();
        List<Issued> issued = downloads.issued(trackingNumber).stream()
                .map(d -> new Issued(d.issuedBy(), name(d.issuedBy()), d.name(), d.mediaType(), d.size(),
                        "/api/track/" + trackingNumber + "/documents/" + d.issuedBy() + "/"
                                + UriUtils.encodePathSegment(d.name(), StandardCharsets.UTF_8)))
                .toList();
        return new Status(request.trackingNumber(), request.serviceCode(),
                service.map(ServiceDefinition::name).orElse(null), language, view.state(),
                messages.state(view.state(), language), request.receivedAt(), clock.expectedCompletion(), view.endedAt(),
                service.map(ServiceDefinition::fee).orElse(null), requests.payment(trackingNumber).orElse(null),
                feedback.find(trackingNumber).orElse(null), grievances.of(trackingNumber).stream()
                        .map(g -> new Grievance(g, name(g.mdaCode()))).toList(), legs, questions, steps, opened, issued);
    }

    /**
     * {@code GET /api/track/{trackingNumber}/documents/{mda}/{name}?code=...}: a document an MDA issued, for the
     * citizen with the receipt's number and code; each download is recorded.
     */
    @GetMapping("/api/track/{trackingNumber}/documents/{mda}/{name}")
    ResponseEntity<Resource> issuedDocument(@PathVariable String trackingNumber, @PathVariable String mda,
            @PathVariable String name, @RequestParam(required = false) String code) {
        filed(trackingNumber, code);
        Downloads.Document document = downloads.issued(trackingNumber).stream()
                .filter(d -> d.issuedBy().equals(mda) && d.name().equals(name))
                .reduce((first, later) -> later)
                .orElseThrow(() -> new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                        "No document '" + name + "' from '" + mda + "' for this request."));
        return downloads.hand(document, "citizen", true);
    }

    /**
     * {@code GET /api/track/{trackingNumber}/receipt.pdf?code=...&lang=bn}: the receipt to print, with the code
     * (only its hash is kept, so the citizen's copy supplies it), the offices once routed, the tracking link and
     * its QR code, and the signed receipt attached.
     */
    @GetMapping("/api/track/{trackingNumber}/receipt.pdf")
    ResponseEntity<byte[]> receiptPdf(@PathVariable String trackingNumber, @RequestParam(required = false) String code,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        FiledRequest request = filed(trackingNumber, code);
        Language language = Language.of(lang, acceptLanguage);
        List<IntakeService.IssuedReceipt> receipts = intake.issuedReceipts(trackingNumber);
        if (receipts.isEmpty()) {
            throw new IllegalStateException(trackingNumber + " was filed without its receipt");
        }
        RequestView view = lifecycle.view(trackingNumber).orElseThrow();
        List<LocalizedName> offices = view.legs().stream()
                .map(leg -> Objects.requireNonNullElse(name(leg.mdaCode()),
                        new LocalizedName(leg.mdaCode(), leg.mdaCode())))
                .toList();
        byte[] pdf = receiptPdf.render(new ReceiptPdf.Receipt(trackingNumber, code, receipts, offices,
                settings.trackingLink(trackingNumber, code, language), clocks.of(request, view).expectedCompletion()),
                language);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("receipt-" + trackingNumber + ".pdf").build().toString())
                // It prints the tracking code: no shared cache keeps it.
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    private FiledRequest filed(String trackingNumber, String code) {
        return filed(requests, trackingNumber, code);
    }

    /** An unknown number and a wrong code get the same 404. */
    static FiledRequest filed(ServiceRequests requests, String trackingNumber, String code) {
        return requests.find(trackingNumber)
                .filter(r -> r.codeMatches(code))
                .orElseThrow(() -> new OneDoorException("tracking.not-found", HttpStatus.NOT_FOUND,
                        "No request matches this tracking number and code."));
    }

    private LocalizedName name(String mdaCode) {
        return connectors.find(mdaCode).map(Connector::name).orElse(null);
    }

    private static Question question(InformationRequest r) {
        return new Question(r.id(), r.mdaCode(), r.question(), r.documents(), r.askedAt(), r.answeredAt());
    }
}
