package org.onedoor.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.onedoor.dispatch.MdaAnswered;
import org.onedoor.dispatch.RequestDelivered;
import org.onedoor.intake.RequestAccepted;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The citizen-facing history of a request. Entries are only appended, in the transaction of the step that
 * caused them, so the timeline never shows a step that was rolled back.
 */
@Service
public class Timeline {

    private final JdbcClient jdbc;
    private final Clock clock;

    Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One line of the timeline; {@code actor} (the officer's user id) is kept for the record, never shown. */
    public record Entry(Instant at, RequestStatus status, String mdaCode, String message, String actor) {
    }

    public void record(String trackingNumber, RequestStatus status, String mdaCode, String message, String actor) {
        jdbc.sql("""
                insert into tracking_event (tracking_number, occurred_at, status, mda_code, message, actor)
                values (?, ?, ?, ?, ?, ?)""")
                .params(trackingNumber, Timestamp.from(clock.instant()), status.name(), mdaCode, message, actor)
                .update();
    }

    public List<Entry> entries(String trackingNumber) {
        return jdbc.sql("""
                select occurred_at, status, mda_code, message, actor from tracking_event
                where tracking_number = ? order by id""")
                .param(trackingNumber)
                .query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), RequestStatus.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    @EventListener
    void onDelivered(RequestDelivered delivered) {
        record(delivered.trackingNumber(), RequestStatus.IN_PROGRESS, delivered.mdaCode(),
                "Sent to " + delivered.mdaName() + " for review.", null);
    }

    /** Before the process moves on: the MDA's own words come before any outcome they lead to. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onAnswer(MdaAnswered answer) {
        record(answer.trackingNumber(), RequestStatus.IN_PROGRESS, answer.mdaCode(), answer.message(), null);
    }

    @EventListener
    void onAccepted(RequestAccepted accepted) {
        record(accepted.trackingNumber(), RequestStatus.RECEIVED, null,
                "Received at the One-Door Service Centre.", null);
    }
}
