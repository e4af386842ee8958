package org.onedoor.lifecycle;

/** The applicant answered an MDA's information request; the answer goes to the MDA that asked. */
public record InformationAnswered(String trackingNumber, String mdaCode, String informationRequestId, boolean toMdaSystem) {
}
