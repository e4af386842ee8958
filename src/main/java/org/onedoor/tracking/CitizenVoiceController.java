package org.onedoor.tracking;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.Upload;
import org.onedoor.system.JsonPart;
import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The citizen's voice, with the receipt's number and code: {@code PUT /api/track/{n}/feedback} rates a decided
 * request, {@code POST /api/track/{n}/grievances} files a grievance (a JSON part {@code grievance} and up to three
 * documents {@code document-1..3}), {@code POST /api/track/{n}/grievances/{id}/appeal} appeals its answer. An officer
 * enters a grievance that came by another channel with {@code POST /api/requests/{n}/grievances}.
 */
@RestController
class CitizenVoiceController {

    static final String GRIEVANCE_PART = "grievance";

    private final ServiceRequests requests;
    private final Feedback feedback;
    private final Grievances grievances;
    private final ObjectMapper json;

    CitizenVoiceController(ServiceRequests requests, Feedback feedback, Grievances grievances, ObjectMapper json) {
        this.requests = requests;
        this.feedback = feedback;
        this.grievances = grievances;
        this.json = json;
    }

    record Rating(Integer rating, String comment) {
    }

    /** {@code channel}: only for officers ({@code counter}, {@code call-centre}, {@code social-media}). */
    record NewGrievance(String complaint, String mdaCode, String channel) {
    }

    record Appeal(String appeal) {
    }

    @PutMapping(path = "/api/track/{trackingNumber}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    Feedback.Rating rate(@PathVariable String trackingNumber, @RequestParam(required = false) String code,
            @RequestBody Rating rating) {
        TrackingController.filed(requests, trackingNumber, code);
        return feedback.rate(trackingNumber, rating.rating(), rating.comment());
    }

    @PostMapping(path = "/api/track/{trackingNumber}/grievances", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Grievances.Grievance> grieve(@PathVariable String trackingNumber,
            @RequestParam(required = false) String code, MultipartHttpServletRequest multipart) throws IOException {
        TrackingController.filed(requests, trackingNumber, code);
        NewGrievance grievance = JsonPart.read(multipart, GRIEVANCE_PART, NewGrievance.class, json);
        if (grievance.channel() != null) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY, "The citizen's own grievance.",
                    java.util.List.of(new OneDoorException.Violation("channel", "field.not-allowed",
                            "A grievance filed here comes from the tracking page.")));
        }
        return created(grievances.file(trackingNumber, grievance.complaint(), grievance.mdaCode(),
                Upload.of(multipart, GRIEVANCE_PART), "tracking-page", "citizen"));
    }

    @PostMapping(path = "/api/requests/{trackingNumber}/grievances", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Grievances.Grievance> enter(@PathVariable String trackingNumber, MultipartHttpServletRequest multipart,
            Principal officer) throws IOException {
        NewGrievance grievance = JsonPart.read(multipart, GRIEVANCE_PART, NewGrievance.class, json);
        return created(grievances.file(trackingNumber, grievance.complaint(), grievance.mdaCode(),
                Upload.of(multipart, GRIEVANCE_PART), grievance.channel() == null ? "counter" : grievance.channel(),
                officer.getName()));
    }

    @PostMapping(path = "/api/track/{trackingNumber}/grievances/{id}/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    Grievances.Grievance appeal(@PathVariable String trackingNumber, @PathVariable String id,
            @RequestParam(required = false) String code, @RequestBody Appeal appeal) {
        TrackingController.filed(requests, trackingNumber, code);
        return grievances.appeal(trackingNumber, id, appeal.appeal());
    }

    private static ResponseEntity<Grievances.Grievance> created(Grievances.Grievance grievance) {
        return ResponseEntity.created(URI.create("/api/track/" + grievance.trackingNumber() + "#grievance-"
                + grievance.id())).body(grievance);
    }
}
