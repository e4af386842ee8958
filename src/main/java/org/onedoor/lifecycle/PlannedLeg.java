package org.onedoor.lifecycle;

/** One MDA's part as the routing decided it: its stage, how far up its officers review, and whether it has a system. */
public record PlannedLeg(String mdaCode, int stage, int reviewLevels, boolean hasSystem) {
}
