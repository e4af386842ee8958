package org.onedoor.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Published inside the intake transaction once a request is stored: listeners (the timeline, the process
 * start) run in that transaction, so a failure of any of them rejects the whole request.
 */
public record RequestAccepted(
        String trackingNumber,
        String serviceCode,
        String processId,
        String routingDecision,
        String applicantName,
        Map<String, Object> fields,
        List<String> documentKinds,
        String priority,
        Instant receivedAt,
        LocalDate expectedBy) {
}
