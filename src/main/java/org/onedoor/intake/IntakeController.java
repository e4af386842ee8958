package org.onedoor.intake;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.system.JsonPart;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/requests}: the front desk files a request as {@code multipart/form-data}, a JSON part
 * {@code request} and one part per document named by its kind.
 */
@RestController
@RequestMapping("/api/requests")
class IntakeController {

    static final String REQUEST_PART = "request";

    private final IntakeService intake;
    private final ObjectMapper json;

    IntakeController(IntakeService intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IntakeResponse> file(MultipartHttpServletRequest multipart, Principal frontDesk) throws IOException {
        IntakeRequest request = JsonPart.read(multipart, REQUEST_PART, IntakeRequest.class, json);
        IntakeResponse response = intake.file(request, Upload.of(multipart, REQUEST_PART), frontDesk.getName());
        return ResponseEntity.created(URI.create("/api/track/" + response.trackingNumber())).body(response);
    }

    /**
     * {@code POST /api/requests/{trackingNumber}/payment}: the fee of a filed request, paid after filing; returns the
     * signed receipt of the payment. A request that waited for it starts now.
     */
    @PostMapping(path = "/{trackingNumber}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    IntakeService.PaymentResponse pay(@PathVariable String trackingNumber, @RequestBody IntakeRequest.Payment payment,
            Principal frontDesk) {
        return intake.pay(trackingNumber, payment, frontDesk.getName());
    }

    /** {@code GET /api/requests/expected-completion?serviceCode=...&priority=...}: the date the counter promises today. */
    @GetMapping("/expected-completion")
    IntakeService.Promise expectedCompletion(@RequestParam String serviceCode,
            @RequestParam(required = false) String priority) {
        return intake.promise(serviceCode, priority == null || priority.isBlank() ? null : priority);
    }
}
