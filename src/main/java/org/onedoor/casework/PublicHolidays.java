package org.onedoor.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onedoor.system.OneDoorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public holidays an administrator adds while OneDoor runs (an unplanned closure, a lunar holiday announced late),
 * kept in {@code public_holiday}. Each node reads the table at startup and every minute, and at once after its own
 * addition, so that every date computed afterwards counts the new holiday.
 */
@Component
public class PublicHolidays implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PublicHolidays.class);

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicHolidays(JdbcClient jdbc, WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** A holiday and where it comes from: {@code configuration} or the administrator who added it. */
    public record Holiday(LocalDate day, String name, String addedBy, Instant addedAt) {
    }

    @Override
    public void afterPropertiesSet() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${onedoor.calendar.refresh-interval:60s}")
    void refresh() {
        calendar.added(jdbc.sql("select holiday from public_holiday").query(LocalDate.class).list());
    }

    /** Every holiday of {@code year}, configured and added. */
    public List<Holiday> of(int year) {
        List<Holiday> added = jdbc.sql("select holiday, name, added_by, added_at from public_holiday order by holiday")
                .query((rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return calendar.holidays().stream().filter(d -> d.getYear() == year)
                .map(d -> added.stream().filter(h -> h.day().equals(d)).findFirst()
                        .orElse(new Holiday(d, null, "configuration", null)))
                .toList();
    }

    /**
     * Adds a holiday (one statement, committed at once), then tells the listeners of {@link CalendarChanged}, which
     * date the open tasks anew; a failure there leaves the holiday added and is logged, not reported as its failure.
     */
    public Holiday add(LocalDate day, String name, String by) {
        if (day == null || name == null || name.isBlank() || name.length() > 200) {
            throw new OneDoorException("request.invalid", HttpStatus.BAD_REQUEST,
                    "Give the holiday's day (2027-03-26) and its name (at most 200 characters).");
        }
        if (calendar.holidays().contains(day)
                || jdbc.sql("select count(*) from public_holiday where holiday = ?").param(day).query(Long.class).single() > 0) {
            throw new OneDoorException("calendar.holiday-exists", HttpStatus.CONFLICT, day + " is a holiday already.");
        }
        if (calendar.weekend().contains(day.getDayOfWeek())) {
            throw new OneDoorException("calendar.weekend", HttpStatus.UNPROCESSABLE_ENTITY,
                    day + " is a " + day.getDayOfWeek().name().toLowerCase() + ", a weekly day off already.");
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into public_holiday (holiday, name, added_by, added_at) values (?, ?, ?, ?)")
                    .params(day, name.strip(), by, Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new OneDoorException("calendar.holiday-exists", HttpStatus.CONFLICT, day + " is a holiday already.");
        }
        refresh();
        log.info("{} added the public holiday {} ({})", by, day, name.strip());
        changed(new CalendarChanged(day, name.strip()));
        return new Holiday(day, name.strip(), by, now);
    }

    /** Removes a holiday added by mistake; the configured ones change in configuration only. */
    public void remove(LocalDate day, String by) {
        if (calendar.configured(day)) {
            throw new OneDoorException("calendar.configured-holiday", HttpStatus.CONFLICT, day
                    + " is a holiday of onedoor.calendar.holidays: change it in the configuration.");
        }
        if (jdbc.sql("delete from public_holiday where holiday = ?").param(day).update() == 0) {
            throw new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND, day + " is not an added holiday.");
        }
        refresh();
        log.info("{} removed the public holiday {}", by, day);
        changed(new CalendarChanged(day, "removed"));
    }

    private void changed(CalendarChanged change) {
        try {
            events.publishEvent(change);
        } catch (RuntimeException e) {
            log.error("Public holiday {}: open tasks could not all be dated anew; they will be at the next change",
                    change.day(), e);
        }
    }
}
