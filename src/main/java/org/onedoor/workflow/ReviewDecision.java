package org.onedoor.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * An officer's decision in the review form ({@code decision}); the BPMN's gateways compare with these values,
 * which the catalogue test checks.
 */
enum ReviewDecision {
    /** Clear it for the next level, or approve the MDA's part at the last one. */
    APPROVE("approve"),
    /** Reject with a reason: the request ends. */
    REJECT("reject"),
    /** Send it one level down for correction; the desk officer asks the applicant to correct it. */
    RETURN("return"),
    /** Ask the applicant for information or documents; the same level decides once the answer comes. */
    REQUEST_INFORMATION("request-information");

    private final String value;

    ReviewDecision(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<ReviewDecision> of(Object value) {
        return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst();
    }
}
