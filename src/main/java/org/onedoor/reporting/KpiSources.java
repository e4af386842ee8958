package org.onedoor.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.lifecycle.RequestView;
import org.onedoor.sla.Escalations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything the KPIs count of a batch of requests, read from OneDoor's own tables in one query per table (the
 * refresh counts a thousand requests at a time): the request and its lifecycle, each leg and who decided it, the
 * questions to the applicant, the returns, the escalation steps, the rating and the grievances. Only reads.
 */
@Component
class KpiSources {

    /** An officer returned the request one level down. */
    record Returned(String mdaCode, String officer, Instant at) {
    }

    /** A step on a late officer's task. */
    record Step(String mdaCode, Escalations.Step step, Instant at) {
    }

    record Rating(int rating, Instant firstGivenAt) {
    }

    record Grievance(String mdaCode, Instant filedAt, LocalDate dueBy, String state, Instant answeredAt,
            Instant appealedAt) {
    }

    /**
     * One request as the KPIs see it.
     *
     * @param releasedAt when it was released to be worked (null while it waits for its fee)
     * @param deciders   per MDA, who made the last change of its leg (an officer, or the MDA's code for its system)
     */
    record Source(FiledRequest request, Instant releasedAt, RequestView view, Map<String, String> deciders,
            List<Returned> returns, List<Step> escalations, Rating rating, List<Grievance> grievances) {
    }

    private final JdbcClient jdbc;

    KpiSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests that exist among {@code trackingNumbers}. */
    Map<String, Source> load(Collection<String> trackingNumbers) {
        if (trackingNumbers.isEmpty()) {
            return Map.of();
        }
        List<String> numbers = List.copyOf(trackingNumbers);
        String in = "(" + String.join(", ", Collections.nCopies(numbers.size(), "?")) + ")";

        Map<String, List<Leg>> legs = new HashMap<>();
        Map<String, Map<String, String>> deciders = new HashMap<>();
        jdbc.sql("""
                select g.tracking_number, g.mda_code, g.stage, g.review_levels, g.has_system, g.state, g.mda_expected_by,
                  g.started_at, g.ended_at, c.actor from request_leg g
                join leg_state_change c on c.tracking_number = g.tracking_number and c.mda_code = g.mda_code
                  and c.seq = g.seq
                where g.tracking_number in""" + in).params(numbers).query(rs -> {
            String number = rs.getString(1);
            legs.computeIfAbsent(number, n -> new ArrayList<>()).add(new Leg(rs.getString(2), rs.getInt(3), rs.getInt(4),
                    rs.getBoolean(5), LegState.valueOf(rs.getString(6)), null, rs.getObject(7, LocalDate.class), null,
                    instant(rs, 8), instant(rs, 9)));
            if (rs.getString(10) != null) {
                deciders.computeIfAbsent(number, n -> new HashMap<>()).put(rs.getString(2), rs.getString(10));
            }
        });

        Map<String, List<InformationRequest>> questions = new HashMap<>();
        jdbc.sql("select tracking_number, id, mda_code, asked_by, asked_at, answered_at, ended_at from information_request"
                + " where tracking_number in" + in).params(numbers).query(rs -> {
            questions.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(new InformationRequest(rs.getString(2),
                    rs.getString(1), rs.getString(3), rs.getString(4), instant(rs, 5), null, List.of(), instant(rs, 6),
                    null, instant(rs, 7), null));
        });

        Map<String, List<Returned>> returns = new HashMap<>();
        jdbc.sql("select tracking_number, mda_code, actor, occurred_at from tracking_event where kind = ?"
                + " and tracking_number in" + in).params(with(News.RETURNED_TO_LEVEL.name(), numbers)).query(rs -> {
            returns.computeIfAbsent(rs.getString(1), n -> new ArrayList<>())
                    .add(new Returned(rs.getString(2), rs.getString(3), instant(rs, 4)));
        });

        Map<String, List<Step>> escalations = new HashMap<>();
        jdbc.sql("select tracking_number, mda_code, step, taken_at from task_escalation where tracking_number in" + in)
                .params(numbers).query(rs -> {
                    escalations.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(new Step(rs.getString(2),
                            Escalations.Step.valueOf(rs.getString(3)), instant(rs, 4)));
                });

        Map<String, Rating> ratings = new HashMap<>();
        jdbc.sql("select tracking_number, rating, first_given_at from feedback where tracking_number in" + in)
                .params(numbers).query(rs -> {
                    ratings.put(rs.getString(1), new Rating(rs.getInt(2), instant(rs, 3)));
                });

        Map<String, List<Grievance>> grievances = new HashMap<>();
        jdbc.sql("select tracking_number, mda_code, filed_at, due_by, state, answered_at, appealed_at from grievance"
                + " where tracking_number in" + in).params(numbers).query(rs -> {
            grievances.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(new Grievance(rs.getString(2),
                    instant(rs, 3), rs.getObject(4, LocalDate.class), rs.getString(5), instant(rs, 6), instant(rs, 7)));
        });

        Map<String, Source> sources = new HashMap<>();
        jdbc.sql("""
                select s.tracking_number, s.service_code, s.received_at, s.expected_by, s.priority, s.released_at,
                  l.state, c.changed_at from service_request s
                join request_lifecycle l on l.tracking_number = s.tracking_number
                join request_state_change c on c.tracking_number = l.tracking_number and c.seq = l.seq
                where s.tracking_number in""" + in).params(numbers).query(rs -> {
            String number = rs.getString(1);
            RequestState state = RequestState.valueOf(rs.getString(7));
            FiledRequest request = new FiledRequest(number, rs.getString(2), null, instant(rs, 3),
                    rs.getObject(4, LocalDate.class), null, rs.getString(5));
            RequestView view = new RequestView(number, state, legs.getOrDefault(number, List.of()),
                    questions.getOrDefault(number, List.of()), state.isFinal() ? instant(rs, 8) : null, null);
            sources.put(number, new Source(request, instant(rs, 6), view, deciders.getOrDefault(number, Map.of()),
                    returns.getOrDefault(number, List.of()), escalations.getOrDefault(number, List.of()),
                    ratings.get(number), grievances.getOrDefault(number, List.of())));
        });
        return sources;
    }

    private static List<Object> with(Object first, List<String> rest) {
        List<Object> params = new ArrayList<>(rest.size() + 1);
        params.add(first);
        params.addAll(rest);
        return params;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
