package org.onedoor.lifecycle;

import java.time.LocalDate;

/**
 * One MDA's part of a request as it stands.
 *
 * @param caseNumber    the MDA system's own case number, from its acknowledgement
 * @param mdaExpectedBy the MDA system's own expected completion date, from its acknowledgement
 */
public record Leg(String mdaCode, int stage, int reviewLevels, boolean hasSystem, LegState state, String caseNumber,
        LocalDate mdaExpectedBy, String decisionReason) {
}
