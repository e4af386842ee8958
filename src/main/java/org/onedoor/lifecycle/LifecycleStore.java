package org.onedoor.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.onedoor.system.Metrics;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code request_state_change}, {@code request_lifecycle}, {@code leg_state_change} and
 * {@code request_leg}. Every change appends a row that the database checks against {@code lifecycle_transition}
 * and the previous row, then moves the current state to it; and counts the change once it commits.
 */
@Repository
class LifecycleStore implements InitializingBean {

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    LifecycleStore(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** The request's state, locked until the transaction ends: every change of a request and its legs takes it first. */
    record Current(String trackingNumber, int seq, RequestState state) {
    }

    record LegRow(String trackingNumber, String mdaCode, int stage, int reviewLevels, boolean hasSystem, int seq,
            LegState state, String caseNumber, LocalDate mdaExpectedBy, String decisionReason, Instant startedAt,
            Instant endedAt) {
    }

    /** The change that ended a request: its outcome, when, by whom and why. */
    record Ending(RequestState outcome, Instant at, String actor, String reason) {
    }

    /** The code's transitions and the database's must be the same table; a difference needs a migration. */
    @Override
    public void afterPropertiesSet() {
        Set<String> expected = new HashSet<>();
        for (RequestState from : RequestState.values()) {
            from.next().forEach(to -> expected.add("request " + from + " " + to));
        }
        for (LegState from : LegState.values()) {
            from.next().forEach(to -> expected.add("leg " + from + " " + to));
        }
        Set<String> stored = new HashSet<>(jdbc.sql("select entity, from_state, to_state from lifecycle_transition")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list());
        if (!stored.equals(expected)) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(stored);
            stored.removeAll(expected);
            throw new IllegalStateException("The table lifecycle_transition differs from RequestState and LegState: "
                    + "missing " + missing + ", extra " + stored + ". Add a migration that makes them equal.");
        }
    }

    void create(String trackingNumber, Instant at) {
        jdbc.sql("""
                insert into request_state_change (tracking_number, seq, to_state, changed_at) values (?, 1, ?, ?)""")
                .params(trackingNumber, RequestState.RECEIVED.name(), Timestamp.from(at)).update();
        jdbc.sql("insert into request_lifecycle (tracking_number, seq, state) values (?, 1, ?)")
                .params(trackingNumber, RequestState.RECEIVED.name()).update();
    }

    Optional<Current> lock(String trackingNumber) {
        return jdbc.sql("select seq, state from request_lifecycle where tracking_number = ? for update")
                .param(trackingNumber)
                .query((rs, i) -> new Current(trackingNumber, rs.getInt(1), RequestState.valueOf(rs.getString(2))))
                .optional();
    }

    Optional<RequestState> state(String trackingNumber) {
        return jdbc.sql("select state from request_lifecycle where tracking_number = ?").param(trackingNumber)
                .query((rs, i) -> RequestState.valueOf(rs.getString(1))).optional();
    }

    Current change(Current current, RequestState to, Instant at, String actor, String reason) {
        int seq = current.seq() + 1;
        jdbc.sql("""
                insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state, changed_at,
                  actor, reason) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(current.trackingNumber(), seq, current.seq(), current.state().name(), to.name(),
                        Timestamp.from(at), actor, reason)
                .update();
        jdbc.sql("update request_lifecycle set seq = ?, state = ? where tracking_number = ? and seq = ?")
                .params(seq, to.name(), current.trackingNumber(), current.seq()).update();
        Metrics.afterCommit(Metrics.REQUEST_STATE_CHANGES.counter(meters, Metrics.FROM, current.state().name(),
                Metrics.TO, to.name())::increment);
        return new Current(current.trackingNumber(), seq, to);
    }

    Optional<Ending> ending(String trackingNumber) {
        return jdbc.sql("""
                select c.to_state, c.changed_at, c.actor, c.reason from request_state_change c
                join request_lifecycle l on l.tracking_number = c.tracking_number and l.seq = c.seq
                where c.tracking_number = ?""")
                .param(trackingNumber)
                .query((rs, i) -> new Ending(RequestState.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4)))
                .optional()
                .filter(e -> e.outcome().isFinal());
    }

    void planLeg(String trackingNumber, PlannedLeg leg, Instant at) {
        jdbc.sql("""
                insert into leg_state_change (tracking_number, mda_code, seq, to_state, changed_at)
                values (?, ?, 1, ?, ?)""")
                .params(trackingNumber, leg.mdaCode(), LegState.PLANNED.name(), Timestamp.from(at)).update();
        jdbc.sql("""
                insert into request_leg (tracking_number, mda_code, stage, review_levels, has_system, seq, state)
                values (?, ?, ?, ?, ?, 1, ?)""")
                .params(trackingNumber, leg.mdaCode(), leg.stage(), leg.reviewLevels(), leg.hasSystem(),
                        LegState.PLANNED.name())
                .update();
    }

    private static final String LEG_COLUMNS = """
            select tracking_number, mda_code, stage, review_levels, has_system, seq, state, mda_case_number,
              mda_expected_by, decision_reason, started_at, ended_at from request_leg""";

    List<LegRow> legs(String trackingNumber) {
        return jdbc.sql(LEG_COLUMNS + " where tracking_number = ? order by stage, mda_code").param(trackingNumber)
                .query((rs, i) -> legRow(rs)).list();
    }

    /** The requests in which a leg (of {@code mdaCode}, or any) runs: its MDA has it and has not decided. */
    List<String> withOpenLegs(String mdaCode) {
        return jdbc.sql("""
                select distinct tracking_number from request_leg where started_at is not null and ended_at is null
                  and (cast(? as varchar(64)) is null or mda_code = ?) order by tracking_number""")
                .params(mdaCode, mdaCode).query(String.class).list();
    }

    Optional<LegRow> leg(String trackingNumber, String mdaCode) {
        return jdbc.sql(LEG_COLUMNS + " where tracking_number = ? and mda_code = ?").params(trackingNumber, mdaCode)
                .query((rs, i) -> legRow(rs)).optional();
    }

    private static LegRow legRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LegRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5), rs.getInt(6),
                LegState.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    LegRow changeLeg(LegRow leg, LegState to, Instant at, String actor, String reason) {
        int seq = leg.seq() + 1;
        jdbc.sql("""
                insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at,
                  actor, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(leg.trackingNumber(), leg.mdaCode(), seq, leg.seq(), leg.state().name(), to.name(),
                        Timestamp.from(at), actor, reason)
                .update();
        // The leg's clock starts when the MDA has it and stops at its decision.
        boolean neverStarted = leg.state() == LegState.PLANNED && to == LegState.CANCELLED;
        Instant startedAt = leg.startedAt() != null || neverStarted ? leg.startedAt() : at;
        Instant endedAt = to.isFinal() ? at : null;
        jdbc.sql("""
                update request_leg set seq = ?, state = ?, started_at = ?, ended_at = ?
                where tracking_number = ? and mda_code = ? and seq = ?""")
                .params(seq, to.name(), startedAt == null ? null : Timestamp.from(startedAt),
                        endedAt == null ? null : Timestamp.from(endedAt),
                        leg.trackingNumber(), leg.mdaCode(), leg.seq()).update();
        Metrics.afterCommit(Metrics.LEG_STATE_CHANGES.counter(meters, Metrics.MDA, leg.mdaCode(),
                Metrics.FROM, leg.state().name(), Metrics.TO, to.name())::increment);
        return new LegRow(leg.trackingNumber(), leg.mdaCode(), leg.stage(), leg.reviewLevels(), leg.hasSystem(), seq,
                to, leg.caseNumber(), leg.mdaExpectedBy(), leg.decisionReason(), startedAt, endedAt);
    }

    void acknowledge(LegRow leg, String caseNumber, LocalDate expectedBy) {
        jdbc.sql("update request_leg set mda_case_number = ?, mda_expected_by = ? where tracking_number = ? and mda_code = ?")
                .params(caseNumber, expectedBy, leg.trackingNumber(), leg.mdaCode()).update();
    }

    void decisionReason(LegRow leg, String reason) {
        jdbc.sql("update request_leg set decision_reason = ? where tracking_number = ? and mda_code = ?")
                .params(reason, leg.trackingNumber(), leg.mdaCode()).update();
    }
}
