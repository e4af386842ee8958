package org.onedoor.lifecycle;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One MDA's part of a request as it stands.
 *
 * @param caseNumber    the MDA system's own case number, from its acknowledgement
 * @param mdaExpectedBy the MDA system's own expected completion date, from its acknowledgement
 * @param startedAt     when the MDA got the request (its clock starts); null while planned
 * @param endedAt       when the MDA decided, or the leg was cancelled (its clock stops)
 */
public record Leg(String mdaCode, int stage, int reviewLevels, boolean hasSystem, LegState state, String caseNumber,
        LocalDate mdaExpectedBy, String decisionReason, Instant startedAt, Instant endedAt) {
}
