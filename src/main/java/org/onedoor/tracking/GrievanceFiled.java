package org.onedoor.tracking;

import java.time.LocalDate;

/** A grievance was filed: its process starts in the same transaction, with the MDA's grievance redress officer. */
public record GrievanceFiled(String id, String trackingNumber, String mdaCode, LocalDate dueBy) {
}
