package org.onedoor.lifecycle;

import java.io.IOException;
import java.security.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.intake.Upload;
import org.onedoor.system.JsonPart;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The front desk withdraws a request or answers an MDA's question ({@code /api/requests/{number}/...}, group
 * {@code frontdesk}, with the applicant's tracking code); an administrator cancels one
 * ({@code /api/admin/requests/{number}/cancellation}).
 */
@RestController
class LifecycleController {

    static final String ANSWER_PART = "answer";

    private final RequestChanges changes;
    private final ObjectMapper json;

    LifecycleController(RequestChanges changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    record Withdrawal(String trackingCode, String reason) {
    }

    record Cancellation(String reason) {
    }

    /** The {@code answer} part: which question, and the applicant's words; documents come as parts named by kind. */
    record Answer(String trackingCode, String informationRequestId, String text) {
    }

    @PostMapping(path = "/api/requests/{trackingNumber}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    RequestChanges.Changed withdraw(@PathVariable String trackingNumber, @RequestBody Withdrawal withdrawal,
            Principal frontDesk) {
        return changes.withdraw(trackingNumber, withdrawal.trackingCode(), withdrawal.reason(), frontDesk.getName());
    }

    @PostMapping(path = "/api/requests/{trackingNumber}/information", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RequestChanges.Changed answer(@PathVariable String trackingNumber, MultipartHttpServletRequest multipart,
            Principal frontDesk) throws IOException {
        Answer answer = JsonPart.read(multipart, ANSWER_PART, Answer.class, json);
        return changes.answer(trackingNumber, answer.trackingCode(), answer.informationRequestId(), answer.text(),
                Upload.of(multipart, ANSWER_PART), frontDesk.getName());
    }

    @PostMapping(path = "/api/admin/requests/{trackingNumber}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    RequestChanges.Changed cancel(@PathVariable String trackingNumber, @RequestBody Cancellation cancellation,
            Principal administrator) {
        return changes.cancel(trackingNumber, cancellation.reason(), administrator.getName());
    }
}
