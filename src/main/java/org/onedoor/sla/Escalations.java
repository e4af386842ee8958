package org.onedoor.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.onedoor.system.Metrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of every step taken on a late officer's task (who was reminded or told, to whom the task went, when and
 * why): the task's history says it in words, this says it in rows that supervisors list and the KPIs count.
 */
@Component
public class Escalations {

    /** What was done: the officer reminded, the supervising level told, the task handed one level up. */
    public enum Step { REMINDER, OVERDUE, REASSIGNED }

    /**
     * One step.
     *
     * @param sentTo          the group or user reminded, told or given the task
     * @param workingDaysLate working days past the task's due date when the step was taken (negative before it)
     */
    public record Escalation(String trackingNumber, String mdaCode, String taskId, String taskLevel, Step step,
            String sentTo, LocalDate dueDate, int workingDaysLate, Instant takenAt, String reason) {
    }

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    Escalations(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    public void record(Escalation e) {
        jdbc.sql("""
                insert into task_escalation (tracking_number, mda_code, task_id, task_level, step, sent_to, due_date,
                  working_days_late, taken_at, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.trackingNumber(), e.mdaCode(), e.taskId(), e.taskLevel(), e.step().name(), e.sentTo(),
                        e.dueDate(), e.workingDaysLate(), Timestamp.from(e.takenAt()),
                        e.reason().length() <= 500 ? e.reason() : e.reason().substring(0, 499) + "…")
                .update();
        Metrics.afterCommit(Metrics.ESCALATIONS.counter(meters, Metrics.MDA, e.mdaCode(), Metrics.STEP, e.step().name())
                ::increment);
    }

    /** How many times {@code step} was taken on the task. */
    public int count(String taskId, Step step) {
        return jdbc.sql("select count(*) from task_escalation where task_id = ? and step = ?")
                .params(taskId, step.name()).query(Integer.class).single();
    }

    /** The steps taken in an MDA's tasks (every MDA's when {@code mdaCode} is null), the latest first. */
    public List<Escalation> of(String mdaCode, int limit) {
        return jdbc.sql("""
                select tracking_number, mda_code, task_id, task_level, step, sent_to, due_date, working_days_late,
                  taken_at, reason from task_escalation where (cast(? as varchar(64)) is null or mda_code = ?)
                order by taken_at desc, id desc fetch first ? rows only""")
                .params(mdaCode, mdaCode, limit)
                .query((rs, i) -> new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Step.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getInt(8),
                        rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .list();
    }
}
