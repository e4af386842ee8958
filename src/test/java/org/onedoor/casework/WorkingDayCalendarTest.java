package org.onedoor.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(ZoneId.of("Asia/Dhaka"),
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), List.of(LocalDate.of(2026, 12, 16)));

    @Test
    void crossesTheYearEnd() {
        // Wednesday 30 December 2026 + 3: Thursday the 31st, then Sunday 3 and Monday 4 January 2027.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 3)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4))).isEqualTo(3);
    }

    @Test
    void aHolidayAddedWhileRunningCountsAtOnce() {
        LocalDate sunday = LocalDate.of(2026, 12, 13);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 10), 1)).isEqualTo(sunday);
        calendar.added(List.of(sunday));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 10), 1)).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(calendar.holidays()).containsExactly(sunday, LocalDate.of(2026, 12, 16));
        calendar.added(List.of());
        assertThat(calendar.isWorkingDay(sunday)).isTrue();
    }

    @Test
    void skipsTheBangladeshWeekend() {
        // Thursday 10 December 2026 + 1 working day = Sunday 13 December.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 10), 1)).isEqualTo(LocalDate.of(2026, 12, 13));
    }

    @Test
    void skipsHolidays() {
        // Tuesday 15 December + 1 = Thursday 17 (Victory Day on the 16th).
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 15), 1)).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 16))).isFalse();
    }

    @Test
    void fifteenWorkingDaysAreThreeWorkingWeeksNotCountingTheDayOfFiling() {
        // Filed Sunday 1 November 2026: 4 days that week, 5 and 5 in the next two, the 15th is Sunday the 22nd.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 1), 15)).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void countsTheWorkingDaysLeftAndOverdue() {
        LocalDate thursday = LocalDate.of(2026, 12, 10);
        assertThat(calendar.workingDaysBetween(thursday, thursday)).isZero();
        // Sunday 13 and Monday 14 are left; the weekend between does not count.
        assertThat(calendar.workingDaysBetween(thursday, LocalDate.of(2026, 12, 14))).isEqualTo(2);
        // Due Monday 14, today Thursday 17: Tuesday 15 and Thursday 17 are late, Victory Day is not.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 14))).isEqualTo(-2);
    }

    @Test
    void findsTheDayFromWhichADueDateIsTwoWorkingDaysAway() {
        // Due Monday 14: Sunday 13 and Monday 14 are the last two working days, so from Thursday 10 it is due soon.
        LocalDate monday = LocalDate.of(2026, 12, 14);
        assertThat(calendar.workingDaysBefore(monday, 2)).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 10), monday)).isEqualTo(2);
        // Due Thursday 17: Tuesday 15 and Thursday 17 (Victory Day between), from Monday 14.
        assertThat(calendar.workingDaysBefore(LocalDate.of(2026, 12, 17), 2)).isEqualTo(monday);
    }
}
