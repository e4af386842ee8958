package org.onedoor.lifecycle;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a request stands: received (or, for a service worked only once paid, waiting for payment until it is), in
 * progress, waiting for the applicant, then exactly one final outcome.
 * The transitions are written here once; the database holds the same table ({@code lifecycle_transition}) and
 * refuses any other change, so that no code path can leave a final state.
 */
public enum RequestState {
    RECEIVED, WAITING_FOR_PAYMENT, IN_PROGRESS, WAITING_FOR_APPLICANT, APPROVED, REJECTED, WITHDRAWN, CANCELLED;

    private static final Map<RequestState, Set<RequestState>> NEXT = Map.of(
            RECEIVED, EnumSet.of(WAITING_FOR_PAYMENT, IN_PROGRESS, WITHDRAWN, CANCELLED),
            WAITING_FOR_PAYMENT, EnumSet.of(RECEIVED, WITHDRAWN, CANCELLED),
            IN_PROGRESS, EnumSet.of(WAITING_FOR_APPLICANT, APPROVED, REJECTED, WITHDRAWN, CANCELLED),
            WAITING_FOR_APPLICANT, EnumSet.of(IN_PROGRESS, REJECTED, WITHDRAWN, CANCELLED),
            APPROVED, EnumSet.noneOf(RequestState.class),
            REJECTED, EnumSet.noneOf(RequestState.class),
            WITHDRAWN, EnumSet.noneOf(RequestState.class),
            CANCELLED, EnumSet.noneOf(RequestState.class));

    public Set<RequestState> next() {
        return NEXT.get(this);
    }

    public boolean canBecome(RequestState target) {
        return NEXT.get(this).contains(target);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
