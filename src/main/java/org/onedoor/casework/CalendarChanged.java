package org.onedoor.casework;

import java.time.LocalDate;

/** Published once a public holiday is added or removed: open tasks' dates are computed anew. */
public record CalendarChanged(LocalDate day, String name) {
}
