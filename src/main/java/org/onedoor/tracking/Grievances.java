package org.onedoor.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.ServiceDefinition.DocumentRequirement;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.RequestValidator;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.intake.Upload;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestNews;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Grievances about a request (the Grievance Redress System's timelines): filed by the citizen on the tracking page,
 * or by an officer for the counter, the call centre or social media; against the MDA that holds the file; answered
 * by its grievance redress officer within {@code answer-working-days}; appealable to its appellate officer within
 * {@code appeal-window-working-days} of the answer, decided within {@code appeal-working-days}. Each step is news
 * on the request's timeline, so the citizen is told of it; the Grievance process keeps the clocks.
 */
@Service
@Transactional
public class Grievances {

    /** What the citizen may add to a grievance: up to three PDFs or pictures of 10 MB. */
    static final List<DocumentRequirement> DOCUMENTS = List.of(1, 2, 3).stream()
            .map(i -> new DocumentRequirement("document-" + i, null, List.of("application/pdf", "image/jpeg", "image/png"),
                    DataSize.ofMegabytes(10), false)).toList();
    static final List<String> CHANNELS = List.of("tracking-page", "counter", "call-centre", "social-media");
    private static final int MAX_TEXT = 4000;
    /** An officer's answer or decision: it goes to the citizen in a message, and to the timeline with its date. */
    public static final int MAX_DECISION = 2000;

    public enum State { OPEN, ANSWERED, APPEALED, CLOSED }

    /** A grievance as the citizen and the officers see it. */
    public record Grievance(String id, String trackingNumber, String mdaCode, String channel, String complaint,
            Instant filedAt, LocalDate dueBy, State state, String answer, Instant answeredAt, LocalDate appealBy,
            String appeal, Instant appealedAt, LocalDate appealDueBy, String appealDecision, Instant appealDecidedAt,
            Instant closedAt, int escalations) {
    }

    private final JdbcClient jdbc;
    private final ServiceRequests requests;
    private final Lifecycle lifecycle;
    private final RequestValidator validator;
    private final DocumentStore documents;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int answerDays;
    private final int appealWindowDays;
    private final int appealDays;

    Grievances(JdbcClient jdbc, ServiceRequests requests, Lifecycle lifecycle, RequestValidator validator,
            DocumentStore documents, WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock,
            @Value("${onedoor.grievances.answer-working-days:30}") int answerDays,
            @Value("${onedoor.grievances.appeal-window-working-days:20}") int appealWindowDays,
            @Value("${onedoor.grievances.appeal-working-days:20}") int appealDays) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.documents = documents;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.answerDays = answerDays;
        this.appealWindowDays = appealWindowDays;
        this.appealDays = appealDays;
    }

    /**
     * A grievance about the request, against {@code mdaCode} if given (one of its offices), else the office that
     * holds the file: the first whose part is open, or the one that acted last. One grievance at a time per office.
     */
    public Grievance file(String trackingNumber, String complaint, String mdaCode, List<Upload> uploads, String channel,
            String filedBy) {
        FiledRequest request = requests.find(trackingNumber).orElseThrow(() -> new OneDoorException("tracking.unknown",
                HttpStatus.NOT_FOUND, "No request has the tracking number '" + trackingNumber + "'."));
        List<Violation> violations = new ArrayList<>();
        String text = text("complaint", complaint, MAX_TEXT, violations);
        if (!CHANNELS.contains(channel)) {
            violations.add(new Violation("channel", "field.not-allowed", "Allowed values: " + CHANNELS + "."));
        }
        Map<String, String> mediaTypes = validator.documents("The grievance", DOCUMENTS, uploads, violations);
        if (!violations.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The grievance has " + violations.size() + " problem(s); see errors.", violations);
        }
        String against = holder(request.trackingNumber(), mdaCode);
        Instant now = clock.instant();
        LocalDate dueBy = calendar.addWorkingDays(day(now), answerDays);
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    insert into grievance (id, tracking_number, mda_code, channel, filed_by, complaint, filed_at, due_by,
                      state, open_against) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                    .params(id, trackingNumber, against, channel, filedBy, text, Timestamp.from(now), dueBy, against)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new OneDoorException("grievance.open", HttpStatus.CONFLICT, "A grievance about this request against "
                    + against + " is still being dealt with; its answer comes first.");
        }
        Set<String> given = new HashSet<>();
        for (Upload upload : uploads) {
            String sha256 = documents.store(upload.content()).hex();
            if (!given.add(sha256)) {
                throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY, "The same file twice.",
                        List.of(new Violation("documents." + upload.kind(), "document.duplicate",
                                "This file was given already.")));
            }
            jdbc.sql("""
                    insert into grievance_document (grievance_id, file_name, media_type, size_bytes, sha256)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, upload.fileName() == null ? upload.kind() : upload.fileName(),
                            mediaTypes.get(upload.kind()), upload.size(), sha256)
                    .update();
        }
        news(trackingNumber, News.GRIEVANCE_FILED, against, Map.of("dueBy", dueBy.toString()), filedBy);
        events.publishEvent(new GrievanceFiled(id, trackingNumber, against, dueBy));
        return find(id).orElseThrow();
    }

    /** The grievance redress officer's answer; the citizen may appeal it until the day returned. */
    public LocalDate answer(String id, String answer, String officer) {
        Grievance g = lock(id, State.OPEN);
        String text = required("answer", answer, "Give the answer.");
        Instant now = clock.instant();
        LocalDate appealBy = calendar.addWorkingDays(day(now), appealWindowDays);
        jdbc.sql("""
                update grievance set state = 'ANSWERED', answer = ?, answered_at = ?, answered_by = ?, appeal_by = ?
                where id = ?""").params(text, Timestamp.from(now), officer, appealBy, id).update();
        news(g.trackingNumber(), News.GRIEVANCE_ANSWERED, g.mdaCode(),
                Map.of("answer", text, "appealBy", appealBy.toString()), officer);
        return appealBy;
    }

    /** The citizen appeals the answer, in time. */
    public Grievance appeal(String trackingNumber, String id, String appeal) {
        Grievance g = find(id).filter(x -> x.trackingNumber().equals(trackingNumber))
                .orElseThrow(() -> new OneDoorException("grievance.unknown", HttpStatus.NOT_FOUND,
                        "No such grievance about " + trackingNumber + "."));
        g = lock(id, State.ANSWERED);
        String text = required("appeal", appeal, "Say why you appeal.");
        Instant now = clock.instant();
        if (day(now).isAfter(g.appealBy())) {
            throw new OneDoorException("grievance.appeal-closed", HttpStatus.CONFLICT,
                    "An appeal was possible until " + g.appealBy() + ".");
        }
        LocalDate dueBy = calendar.addWorkingDays(day(now), appealDays);
        jdbc.sql("update grievance set state = 'APPEALED', appeal = ?, appealed_at = ?, appeal_due_by = ? where id = ?")
                .params(text, Timestamp.from(now), dueBy, id).update();
        news(trackingNumber, News.GRIEVANCE_APPEALED, g.mdaCode(), Map.of("dueBy", dueBy.toString()), null);
        events.publishEvent(new GrievanceAppealed(id, trackingNumber, dueBy));
        return find(id).orElseThrow();
    }

    /** The appellate officer's decision closes the grievance. */
    public void decideAppeal(String id, String decision, String officer) {
        Grievance g = lock(id, State.APPEALED);
        String text = required("appealDecision", decision, "Give the decision.");
        Instant now = clock.instant();
        jdbc.sql("""
                update grievance set state = 'CLOSED', appeal_decision = ?, appeal_decided_at = ?, appeal_decided_by = ?,
                  closed_at = ?, open_against = null where id = ?""")
                .params(text, Timestamp.from(now), officer, Timestamp.from(now), id).update();
        news(g.trackingNumber(), News.APPEAL_DECIDED, g.mdaCode(), Map.of("decision", text), officer);
    }

    /** No appeal came in time: the answer stands. */
    public void close(String id) {
        lock(id, State.ANSWERED);
        jdbc.sql("update grievance set state = 'CLOSED', closed_at = ?, open_against = null where id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    /** The grievance is past its due date: handed to {@code to}; the citizen is told. */
    public void late(String id, String to) {
        Grievance g = find(id).orElseThrow();
        jdbc.sql("update grievance set escalations = escalations + 1 where id = ?").param(id).update();
        news(g.trackingNumber(), News.GRIEVANCE_ESCALATED, g.mdaCode(),
                Map.of("dueBy", (g.state() == State.APPEALED ? g.appealDueBy() : g.dueBy()).toString()), to);
    }

    @Transactional(readOnly = true)
    public List<Grievance> of(String trackingNumber) {
        return jdbc.sql(SELECT + " where tracking_number = ? order by filed_at").param(trackingNumber)
                .query((rs, i) -> row(rs)).list();
    }

    /** A document the citizen gave with a grievance. */
    public record Evidence(String fileName, String mediaType, long size, String sha256) {
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(String id) {
        return jdbc.sql("select file_name, media_type, size_bytes, sha256 from grievance_document where grievance_id = ?"
                + " order by file_name").param(id)
                .query((rs, i) -> new Evidence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Grievance> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, i) -> row(rs)).optional();
    }

    private static final String SELECT = """
            select id, tracking_number, mda_code, channel, complaint, filed_at, due_by, state, answer, answered_at,
              appeal_by, appeal, appealed_at, appeal_due_by, appeal_decision, appeal_decided_at, closed_at, escalations
            from grievance""";

    private static Grievance row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Grievance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs.getTimestamp(6)), rs.getObject(7, LocalDate.class), State.valueOf(rs.getString(8)),
                rs.getString(9), instant(rs.getTimestamp(10)), rs.getObject(11, LocalDate.class), rs.getString(12),
                instant(rs.getTimestamp(13)), rs.getObject(14, LocalDate.class), rs.getString(15),
                instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)), rs.getInt(18));
    }

    /** The grievance, locked, in the state the step needs; 409 otherwise (a step taken twice changes nothing). */
    private Grievance lock(String id, State expected) {
        String state = jdbc.sql("select state from grievance where id = ? for update").param(id).query(String.class)
                .optional().orElseThrow(() -> new OneDoorException("grievance.unknown", HttpStatus.NOT_FOUND,
                        "No grievance " + id + "."));
        if (State.valueOf(state) != expected) {
            throw new OneDoorException("grievance.state", HttpStatus.CONFLICT,
                    "The grievance is " + state + "; this step needs it " + expected + ".");
        }
        return find(id).orElseThrow();
    }

    private String holder(String trackingNumber, String mdaCode) {
        List<Leg> legs = lifecycle.legs(trackingNumber);
        if (mdaCode != null && !mdaCode.isBlank()) {
            return legs.stream().map(Leg::mdaCode).filter(mdaCode.trim()::equals).findFirst()
                    .orElseThrow(() -> new OneDoorException("grievance.not-an-office", HttpStatus.UNPROCESSABLE_ENTITY,
                            mdaCode + " takes no part in " + trackingNumber + "."));
        }
        Optional<Leg> open = legs.stream().filter(l -> !l.state().isFinal() && l.state() != LegState.PLANNED)
                .min(Comparator.comparingInt(Leg::stage));
        return open.or(() -> legs.stream().filter(l -> l.endedAt() != null).max(Comparator.comparing(Leg::endedAt)))
                .map(Leg::mdaCode)
                .orElseThrow(() -> new OneDoorException("grievance.not-routed", HttpStatus.CONFLICT,
                        "No office has this request yet: ask at the One-Door Service Centre."));
    }

    private void news(String trackingNumber, News kind, String mdaCode, Map<String, String> facts, String actor) {
        events.publishEvent(new RequestNews(trackingNumber, clock.instant(), kind, mdaCode, facts, false, actor));
    }

    /** The officer's or citizen's text of one step: 422 without it. */
    private static String required(String path, String value, String detail) {
        List<Violation> violations = new ArrayList<>();
        String text = text(path, value, MAX_DECISION, violations);
        if (!violations.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY, detail, violations);
        }
        return text;
    }

    private static String text(String path, String value, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(path, "field.required", "This field is required."));
            return null;
        }
        if (value.trim().length() > max) {
            violations.add(new Violation(path, "field.too-long", "At most " + max + " characters."));
        }
        return value.trim();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
