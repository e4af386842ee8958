package org.onedoor.intake;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
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
        IntakeRequest request = readRequest(multipart);
        IntakeResponse response = intake.file(request, uploads(multipart), frontDesk.getName());
        return ResponseEntity.created(URI.create("/api/track/" + response.trackingNumber())).body(response);
    }

    private IntakeRequest readRequest(MultipartHttpServletRequest multipart) throws IOException {
        MultipartFile part = multipart.getFile(REQUEST_PART);
        String text = part != null ? new String(part.getBytes(), StandardCharsets.UTF_8)
                : multipart.getParameter(REQUEST_PART);
        if (text == null) {
            throw new OneDoorException("request.malformed", HttpStatus.BAD_REQUEST,
                    "The multipart part 'request' (JSON) is missing.");
        }
        try {
            return json.readValue(text, IntakeRequest.class);
        } catch (JsonProcessingException e) {
            throw new OneDoorException("request.malformed", HttpStatus.BAD_REQUEST,
                    "The part 'request' is not valid JSON for a request: " + e.getOriginalMessage());
        }
    }

    private static List<Upload> uploads(MultipartHttpServletRequest multipart) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        MultiValueMap<String, MultipartFile> files = multipart.getMultiFileMap();
        for (var entry : files.entrySet()) {
            if (entry.getKey().equals(REQUEST_PART)) {
                continue;
            }
            for (MultipartFile file : entry.getValue()) {
                uploads.add(new Upload(entry.getKey(), file.getOriginalFilename(), file.getBytes()));
            }
        }
        return uploads;
    }
}
