package org.onedoor.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The tests' own count of working days, written from the rule (Friday and Saturday off, and the holidays given),
 * so that the expected KPI figures do not come from the code they check.
 */
record WorkingDays(Set<LocalDate> holidays) {

    boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.FRIDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
                && !holidays.contains(day);
    }

    /** Working days after {@code from} up to and including {@code to}. */
    int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            n += working(d) ? 1 : 0;
        }
        return n;
    }

    /** The day {@code n} working days after {@code from}. */
    LocalDate add(LocalDate from, int n) {
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (working(d)) {
                left--;
            }
        }
        return d;
    }

    LocalDate nextWorking(LocalDate day) {
        LocalDate d = day;
        while (!working(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
