package org.onedoor.intake;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The fee of a filed request was paid at the counter after filing; published in the transaction that records it. A
 * listener that refuses (the request has ended) rolls the payment back.
 */
public record PaymentRecorded(String trackingNumber, String method, BigDecimal amount, String currency,
        Instant at, String by) {
}
