package org.onedoor.workbench;

import java.util.List;

import org.onedoor.documents.Downloads;
import org.onedoor.system.UserGroups;
import org.onedoor.viewlog.ViewLog;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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

    private final CaseFiles files;
    private final ViewLog views;
    private final Downloads downloads;

    CaseFileController(CaseFiles files, ViewLog views, Downloads downloads) {
        this.files = files;
        this.views = views;
        this.downloads = downloads;
    }

    @GetMapping("/api/officer/requests/{trackingNumber}")
    CaseFile file(@PathVariable String trackingNumber, Authentication user) {
        return files.open(user.getName(), UserGroups.of(user), trackingNumber);
    }

    @GetMapping("/api/officer/requests/{trackingNumber}/documents/{kind}")
    ResponseEntity<Resource> document(@PathVariable String trackingNumber, @PathVariable String kind,
            Authentication user) {
        return downloads.hand(files.document(user.getName(), UserGroups.of(user), trackingNumber, kind), user.getName(),
                false);
    }

    @GetMapping("/api/officer/requests/{trackingNumber}/grievances/{id}/documents/{sha256}")
    ResponseEntity<Resource> evidence(@PathVariable String trackingNumber, @PathVariable String id,
            @PathVariable String sha256, Authentication user) {
        return downloads.hand(files.evidence(user.getName(), UserGroups.of(user), trackingNumber, id, sha256),
                user.getName(),
                false);
    }

    @GetMapping("/api/supervisor/requests/{trackingNumber}/views")
    List<ViewLog.View> views(@PathVariable String trackingNumber) {
        return views.views(trackingNumber);
    }
}
