package org.onedoor.workbench;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.onedoor.viewlog.ViewLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officer's file of a request, {@code GET /api/officer/requests/{trackingNumber}}, and its documents, which open
 * in the browser (PDF and images inline) with the officer's Tasklist login or HTTP Basic; the view log of a request
 * for supervisors, {@code GET /api/supervisor/requests/{trackingNumber}/views}.
 */
@RestController
class CaseFileController {

    private static final String GROUP = "GROUP_";

    private final CaseFiles files;
    private final ViewLog views;

    CaseFileController(CaseFiles files, ViewLog views) {
        this.files = files;
        this.views = views;
    }

    @GetMapping("/api/officer/requests/{trackingNumber}")
    CaseFile file(@PathVariable String trackingNumber, Authentication user) {
        return files.open(user.getName(), groups(user), trackingNumber);
    }

    @GetMapping("/api/officer/requests/{trackingNumber}/documents/{kind}")
    ResponseEntity<byte[]> document(@PathVariable String trackingNumber, @PathVariable String kind,
            Authentication user) {
        CaseFiles.Content content = files.document(user.getName(), groups(user), trackingNumber, kind);
        String name = content.fileName() == null ? kind : content.fileName();
        MediaType type = MediaType.parseMediaType(content.mediaType());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                // An applicant's file is shown, never run or guessed at (intake took only PDF and images).
                .header("X-Content-Type-Options", "nosniff");
        if (!MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)) {
            // Chromium will not show a PDF under a sandbox policy; an image needs none of what it forbids.
            response.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        }
        return response
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content.bytes());
    }

    @GetMapping("/api/supervisor/requests/{trackingNumber}/views")
    List<ViewLog.View> views(@PathVariable String trackingNumber) {
        return views.views(trackingNumber);
    }

    private static List<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP))
                .map(a -> a.substring(GROUP.length())).toList();
    }
}
