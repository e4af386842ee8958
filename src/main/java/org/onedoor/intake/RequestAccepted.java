package org.onedoor.intake;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published inside the intake transaction once a request is stored: listeners (the lifecycle, the timeline) run in
 * that transaction, so a failure of any of them rejects the whole request. {@code feeDue} is the fee of a service
 * worked only once paid, filed unpaid; null otherwise. The work itself begins with {@link RequestReleased}.
 */
public record RequestAccepted(String trackingNumber, String serviceCode, Instant receivedAt, BigDecimal feeDue,
        String currency) {

    public boolean awaitingPayment() {
        return feeDue != null;
    }
}
