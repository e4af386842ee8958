package org.onedoor.lifecycle;

/** What an MDA decided on its part of a request. The same names are the values of {@code mdaDecision} in BPMN. */
public enum Decision {
    APPROVED, REJECTED;

    public LegState legState() {
        return this == APPROVED ? LegState.APPROVED : LegState.REJECTED;
    }
}
