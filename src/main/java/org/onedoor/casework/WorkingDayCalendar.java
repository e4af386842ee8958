package org.onedoor.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Government working days: Bangladesh offices close on Friday and Saturday and on public holidays. The holidays known
 * ahead are in configuration ({@code onedoor.calendar.holidays}); an administrator adds the others while OneDoor runs
 * ({@link PublicHolidays}), and every date computed afterwards, for new requests and open clocks alike, counts them.
 */
public class WorkingDayCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> configured;
    private volatile Set<LocalDate> added = Set.of();

    public WorkingDayCalendar(ZoneId zone, Set<DayOfWeek> weekend, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.weekend = Set.copyOf(weekend);
        this.configured = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    /** Every holiday, configured or added, in order. */
    public SortedSet<LocalDate> holidays() {
        SortedSet<LocalDate> all = new TreeSet<>(configured);
        all.addAll(added);
        return all;
    }

    boolean configured(LocalDate day) {
        return configured.contains(day);
    }

    /** The holidays added at run time, replacing the previous set: one read of the table. */
    void added(Collection<LocalDate> days) {
        this.added = Set.copyOf(days);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !configured.contains(day) && !added.contains(day);
    }

    /** The date {@code days} working days after {@code from}; the day of filing itself does not count. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The first day from which {@code due} is at most {@code days} working days away, as {@link #workingDaysBetween}
     * counts: the working day before the last {@code days} working days up to {@code due}.
     */
    public LocalDate workingDaysBefore(LocalDate due, int days) {
        LocalDate day = due;
        for (int left = days; left > 0; day = day.minusDays(1)) {
            if (isWorkingDay(day)) {
                left--;
            }
        }
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** Working days after {@code today} up to {@code due}; negative, the working days overdue, when it is past. */
    public long workingDaysBetween(LocalDate today, LocalDate due) {
        long days = 0;
        for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
            days += isWorkingDay(d) ? 1 : 0;
        }
        for (LocalDate d = due.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            days -= isWorkingDay(d) ? 1 : 0;
        }
        return days;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
