package org.onedoor.messagelog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/message-log/verification}: administrators check that no past packet was altered. */
@RestController
class MessageLogController {

    private final MessageLog log;

    MessageLogController(MessageLog log) {
        this.log = log;
    }

    @GetMapping("/api/admin/message-log/verification")
    MessageLog.Verification verify() {
        return log.verify();
    }
}
