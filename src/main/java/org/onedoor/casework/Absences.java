package org.onedoor.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Officers' absences and who acts for them ({@code officer_absence}), and each task handed over during one
 * ({@code absence_handover}): the record of who acted for whom.
 */
@Component
public class Absences {

    /** One absence: from and to are working days or not, inclusive. */
    public record Absence(String id, String mdaCode, String officer, LocalDate startsOn, LocalDate endsOn,
            String actingOfficer, String reason, String recordedBy, Instant recordedAt, Instant cancelledAt) {
    }

    /** A task handed to the acting officer that has not gone back. */
    public record Handover(String absenceId, String taskId) {
    }

    private static final String COLUMNS = """
            select id, mda_code, officer, starts_on, ends_on, acting_officer, reason, recorded_by, recorded_at,
              cancelled_at from officer_absence""";

    private final JdbcClient jdbc;

    Absences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Absence a) {
        jdbc.sql("""
                insert into officer_absence (id, mda_code, officer, starts_on, ends_on, acting_officer, reason,
                  recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.mdaCode(), a.officer(), a.startsOn(), a.endsOn(), a.actingOfficer(), a.reason(),
                        a.recordedBy(), Timestamp.from(a.recordedAt()))
                .update();
    }

    public boolean cancel(String id, Instant at) {
        return jdbc.sql("update officer_absence set cancelled_at = ? where id = ? and cancelled_at is null")
                .params(Timestamp.from(at), id).update() == 1;
    }

    public Optional<Absence> find(String id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query((rs, i) -> absence(rs)).optional();
    }

    /** The officer's absences not cancelled that overlap {@code from}..{@code to}. */
    public List<Absence> overlapping(String officer, LocalDate from, LocalDate to) {
        return jdbc.sql(COLUMNS + " where officer = ? and cancelled_at is null and starts_on <= ? and ends_on >= ?")
                .params(officer, to, from).query((rs, i) -> absence(rs)).list();
    }

    /** The absence that covers {@code day} for the officer, if any. */
    public Optional<Absence> on(String officer, LocalDate day) {
        return overlapping(officer, day, day).stream().findFirst();
    }

    /** Absences of an MDA (every MDA's if null), not cancelled and not ended before {@code since}, by start. */
    public List<Absence> of(String mdaCode, LocalDate since) {
        return jdbc.sql(COLUMNS + " where (cast(? as varchar(64)) is null or mda_code = ?) and ends_on >= ?"
                        + " and cancelled_at is null order by starts_on, officer")
                .params(mdaCode, mdaCode, since).query((rs, i) -> absence(rs)).list();
    }

    /** Absences covering {@code day}, not cancelled. */
    public List<Absence> current(LocalDate day) {
        return jdbc.sql(COLUMNS + " where cancelled_at is null and starts_on <= ? and ends_on >= ?")
                .params(day, day).query((rs, i) -> absence(rs)).list();
    }

    /** Records a handover once; false if another node recorded it first. */
    public boolean handedOver(String absenceId, String taskId, String trackingNumber, Instant at) {
        return jdbc.sql("""
                insert into absence_handover (absence_id, task_id, tracking_number, handed_at)
                select ?, ?, ?, ? from (values (1)) one
                where not exists (select 1 from absence_handover where absence_id = ? and task_id = ?)""")
                .params(absenceId, taskId, trackingNumber, Timestamp.from(at), absenceId, taskId).update() == 1;
    }

    /** Tasks handed over during absences that are over (ended before {@code today}, or cancelled) and not returned. */
    public List<Handover> toReturn(LocalDate today) {
        return jdbc.sql("""
                select h.absence_id, h.task_id from absence_handover h join officer_absence a on a.id = h.absence_id
                where h.returned_at is null and (a.ends_on < ? or a.cancelled_at is not null)""")
                .param(today)
                .query((rs, i) -> new Handover(rs.getString(1), rs.getString(2)))
                .list();
    }

    public void returned(String absenceId, String taskId, Instant at) {
        jdbc.sql("update absence_handover set returned_at = ? where absence_id = ? and task_id = ?")
                .params(Timestamp.from(at), absenceId, taskId).update();
    }

    private static Absence absence(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp cancelled = rs.getTimestamp(10);
        return new Absence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), cancelled == null ? null : cancelled.toInstant());
    }
}
