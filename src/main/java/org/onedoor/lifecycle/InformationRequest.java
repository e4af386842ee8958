package org.onedoor.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * What an MDA asked the applicant for: a question and, optionally, named documents. {@code askedAt} to
 * {@code endedAt} is an interval during which the MDA's leg waits for the applicant.
 *
 * @param askedBy   the MDA's system (its code) or the officer who asked
 * @param endReason {@code answered}, {@code decided} (the MDA decided without the answer) or {@code cancelled}
 */
public record InformationRequest(String id, String trackingNumber, String mdaCode, String askedBy, Instant askedAt,
        String question, List<String> documents, Instant answeredAt, String answer, Instant endedAt, String endReason) {

    public boolean open() {
        return endedAt == null;
    }

    /** A document the applicant brought with the answer, stored by digest. */
    public record AnsweredDocument(String kind, String fileName, String mediaType, long size, String sha256) {
    }
}
