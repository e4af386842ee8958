package org.onedoor.lifecycle;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one MDA's part of a request stands. {@code PLANNED} by the routing; {@code PENDING} while its packet goes
 * to the MDA's system, then {@code SENT} and {@code ACKNOWLEDGED}; or {@code IN_REVIEW} with the MDA's officers;
 * {@code WAITING_FOR_APPLICANT} while the MDA waits for information; finally decided or cancelled. Kept in the
 * database's {@code lifecycle_transition} table too.
 */
public enum LegState {
    PLANNED, PENDING, SENT, ACKNOWLEDGED, IN_REVIEW, WAITING_FOR_APPLICANT, APPROVED, REJECTED, CANCELLED;

    private static final Set<LegState> DECIDED = EnumSet.of(APPROVED, REJECTED, CANCELLED);

    private static final Map<LegState, Set<LegState>> NEXT = Map.of(
            PLANNED, EnumSet.of(PENDING, IN_REVIEW, CANCELLED),
            PENDING, EnumSet.of(SENT, ACKNOWLEDGED, WAITING_FOR_APPLICANT, APPROVED, REJECTED, CANCELLED),
            SENT, EnumSet.of(ACKNOWLEDGED, WAITING_FOR_APPLICANT, APPROVED, REJECTED, CANCELLED),
            ACKNOWLEDGED, EnumSet.of(WAITING_FOR_APPLICANT, APPROVED, REJECTED, CANCELLED),
            IN_REVIEW, EnumSet.of(WAITING_FOR_APPLICANT, APPROVED, REJECTED, CANCELLED),
            WAITING_FOR_APPLICANT, EnumSet.of(SENT, ACKNOWLEDGED, IN_REVIEW, APPROVED, REJECTED, CANCELLED),
            APPROVED, EnumSet.noneOf(LegState.class),
            REJECTED, EnumSet.noneOf(LegState.class),
            CANCELLED, EnumSet.noneOf(LegState.class));

    public Set<LegState> next() {
        return NEXT.get(this);
    }

    public boolean canBecome(LegState target) {
        return NEXT.get(this).contains(target);
    }

    public boolean isFinal() {
        return DECIDED.contains(this);
    }

    /** The MDA has the request and has not decided: it may acknowledge, report, ask or decide. */
    public boolean isOpen() {
        return this != PLANNED && !isFinal();
    }
}
