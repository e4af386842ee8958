package org.onedoor.casework;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: {@code GET /api/admin/calendar?year=2027} shows the working-day calendar;
 * {@code POST /api/admin/calendar/holidays} adds a public holiday, effective at once for new due dates and open clocks;
 * {@code DELETE /api/admin/calendar/holidays/{day}} removes one added by mistake.
 */
@RestController
class CalendarController {

    private final PublicHolidays holidays;
    private final WorkingDayCalendar calendar;

    CalendarController(PublicHolidays holidays, WorkingDayCalendar calendar) {
        this.holidays = holidays;
        this.calendar = calendar;
    }

    record Calendar(ZoneId zone, Set<DayOfWeek> weekend, int year, List<PublicHolidays.Holiday> holidays) {
    }

    record NewHoliday(LocalDate day, String name) {
    }

    @GetMapping("/api/admin/calendar")
    Calendar calendar(@RequestParam(required = false) Integer year) {
        int shown = year != null ? year : calendar.today().getYear();
        return new Calendar(calendar.zone(), calendar.weekend(), shown, holidays.of(shown));
    }

    @DeleteMapping("/api/admin/calendar/holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable LocalDate day, Principal user) {
        holidays.remove(day, user.getName());
    }

    @PostMapping("/api/admin/calendar/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    PublicHolidays.Holiday add(@RequestBody NewHoliday holiday, Principal user) {
        return holidays.add(holiday.day(), holiday.name(), user.getName());
    }
}
