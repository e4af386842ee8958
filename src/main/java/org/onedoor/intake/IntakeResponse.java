package org.onedoor.intake;

import java.util.Map;

/**
 * Response of a successful filing. {@code receipt} is the signed receipt packet
 * ({@code {"manifest": base64, "signature": base64}}); the tracking code is shown here once and never again.
 */
record IntakeResponse(String trackingNumber, String trackingCode, Map<String, String> receipt) {
}
