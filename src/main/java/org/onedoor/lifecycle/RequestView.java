package org.onedoor.lifecycle;

import java.time.Instant;
import java.util.List;

/** A request's lifecycle as it stands: its state, its legs, what was asked of the applicant, and how it ended. */
public record RequestView(String trackingNumber, RequestState state, List<Leg> legs,
        List<InformationRequest> informationRequests, Instant endedAt, String endReason) {
}
