package org.onedoor.intake;

/** Response of a successful filing. The tracking code is shown here once and never again. */
record IntakeResponse(String trackingNumber, String trackingCode, Receipt receipt) {
}
