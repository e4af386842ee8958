package org.onedoor.intake;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onedoor.system.CitizenSessions;
import org.onedoor.system.JsonPart;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Self-service filing ({@code /portal.html}): {@code POST /api/portal/code} sends a one-time code to the citizen's
 * mobile number, {@code POST /api/portal/session} signs in with it, {@code POST /api/portal/requests} files as the
 * counter does, marked with the channel {@code portal}. Signing out is the pages' {@code POST /api/session/logout}.
 */
@RestController
class PortalController {

    private final PortalCodes codes;
    private final IntakeService intake;
    private final CitizenSessions sessions;
    private final ObjectMapper json;

    PortalController(PortalCodes codes, IntakeService intake, CitizenSessions sessions, ObjectMapper json) {
        this.codes = codes;
        this.intake = intake;
        this.sessions = sessions;
        this.json = json;
    }

    /** {@code language}: {@code bn} (the default) or {@code en}, for the SMS. */
    record CodeWanted(String phone, String language) {
    }

    record SignIn(String phone, String code) {
    }

    @PostMapping(path = "/api/portal/code", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PortalCodes.Sent> code(@RequestBody CodeWanted wanted, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(codes.send(wanted.phone(), wanted.language() == null ? "bn" : wanted.language(),
                        request.getRemoteAddr()));
    }

    @PostMapping(path = "/api/portal/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> signIn(@RequestBody SignIn signIn, HttpServletRequest request, HttpServletResponse response) {
        String number = codes.verify(signIn.phone(), signIn.code(), request.getRemoteAddr());
        sessions.signIn(number, codes.sessionFor(), request, response);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/portal/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IntakeResponse> file(MultipartHttpServletRequest multipart, Principal citizen) throws IOException {
        IntakeRequest request = JsonPart.read(multipart, IntakeController.REQUEST_PART, IntakeRequest.class, json);
        IntakeResponse response = intake.fileFromPortal(request, Upload.of(multipart, IntakeController.REQUEST_PART),
                citizen.getName());
        return ResponseEntity.created(URI.create("/api/track/" + response.trackingNumber())).body(response);
    }
}
