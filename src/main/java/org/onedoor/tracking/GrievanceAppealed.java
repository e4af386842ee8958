package org.onedoor.tracking;

import java.time.LocalDate;

/** The citizen appealed the answer to a grievance in time: its process takes it to the appellate officer. */
public record GrievanceAppealed(String id, String trackingNumber, LocalDate appealDueBy) {
}
