package org.onedoor.intake;

/**
 * A one-time code for the portal, to be sent now by SMS: published in the transaction that stores it, so that a
 * code the gateway would not take is not kept either. {@code text} holds the code: it goes to the phone only.
 */
public record PortalCodeIssued(String id, String phone, String language, String text) {
}
