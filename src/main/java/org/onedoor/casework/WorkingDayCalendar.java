package org.onedoor.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Government working days: Bangladesh offices close on Friday and Saturday and on public holidays, which
 * operators list in configuration ({@code onedoor.calendar.holidays}) because the lunar ones move every year.
 */
@ConfigurationProperties("onedoor.calendar")
public record WorkingDayCalendar(
        @DefaultValue("Asia/Dhaka") ZoneId zone,
        @DefaultValue({"FRIDAY", "SATURDAY"}) Set<DayOfWeek> weekend,
        @DefaultValue List<LocalDate> holidays) {

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
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
