package org.onedoor.lifecycle;

import java.time.Instant;
import java.util.Map;

/**
 * Something happened to a request: published in the transaction of the change, so the timeline never shows a
 * step that was rolled back.
 *
 * @param mdaCode      the MDA it concerns, if any
 * @param facts        what the kind's wording needs (see {@link News})
 * @param afterOutcome true once the request has its final outcome (a late answer, a cancellation delivered)
 * @param actor        the officer or user who did it, kept for the record and never shown to the citizen
 */
public record RequestNews(String trackingNumber, Instant at, News kind, String mdaCode, Map<String, String> facts,
        boolean afterOutcome, String actor) {
}
