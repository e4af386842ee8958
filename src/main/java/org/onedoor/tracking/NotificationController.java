package org.onedoor.tracking;

import java.util.List;

import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: the messages sent to citizens, those that failed after their last attempt, and a resend.
 * {@code GET /api/admin/notifications?status=FAILED&trackingNumber=...},
 * {@code POST /api/admin/notifications/{id}/resend}.
 */
@RestController
class NotificationController {

    private final Outbox outbox;

    NotificationController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/admin/notifications")
    List<Outbox.Entry> list(@RequestParam(required = false) Outbox.Status status,
            @RequestParam(required = false) String trackingNumber,
            @RequestParam(defaultValue = "100") int limit) {
        return outbox.list(status, trackingNumber, Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/api/admin/notifications/{id}/resend")
    Outbox.Entry resend(@PathVariable String id) {
        outbox.find(id).orElseThrow(() -> new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                "No message '" + id + "'."));
        if (!outbox.resend(id)) {
            throw new OneDoorException("notification.not-failed", HttpStatus.CONFLICT,
                    "Only a message that failed after its last attempt is resent; '" + id + "' is not one.");
        }
        return outbox.find(id).orElseThrow();
    }
}
