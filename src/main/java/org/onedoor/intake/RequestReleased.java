package org.onedoor.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The request may be worked: published in the transaction that filed it, or, for a service worked only once paid and
 * filed unpaid, in the transaction that records its payment. The listener starts the service's process, so a failure
 * rolls the filing or the payment back.
 */
public record RequestReleased(
        String trackingNumber,
        String serviceCode,
        String processId,
        String routingDecision,
        String applicantName,
        Map<String, Object> fields,
        List<String> documentKinds,
        String priority,
        LocalDate expectedBy) {
}
