package org.onedoor.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.onedoor.reporting.KpiDataSet.day;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.reporting.KpiDataSet.Grievance;
import org.onedoor.reporting.KpiDataSet.Leg;
import org.onedoor.reporting.KpiDataSet.Question;
import org.onedoor.reporting.KpiDataSet.Req;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The KPI figures against figures computed here, from the seeded requests themselves ({@link KpiDataSet}) with this
 * test's own working-day count and percentiles: every row (the whole scope, each service, MDA and officer) for several
 * periods (whole months, months and days around them, days only), for the ODSC's supervisor and for MDA supervisors;
 * what is open now by age. Then the figures follow live changes without any rebuild: a request filed and withdrawn, a
 * grievance entered for it, a rating given and changed, an escalation step; a public holiday added for a past day
 * changes exactly the processing times it falls in. Who may see what, and the CSV.
 */
@DemoIntegrationTest
class KpiIT {

    private static final List<String> MDAS = List.of("city-corporation", "fire-service", "social-services", "land-office",
            "sub-registry");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private List<Req> requests;

    @BeforeEach
    void seed() {
        requests = KpiDataSet.generate(workingDays());
        KpiDataSet.seed(jdbc, requests);
        assertThat(http.withBasicAuth("admin", OneDoorClient.PASSWORD)
                .postForEntity("/api/admin/kpis/rebuild", null, JsonNode.class).getStatusCode().value()).isEqualTo(202);
    }

    /** The holidays of the configuration and those an administrator added. */
    private WorkingDays workingDays() {
        Set<LocalDate> holidays = new HashSet<>(Binder.get(environment)
                .bind("onedoor.calendar.holidays", Bindable.listOf(LocalDate.class)).orElse(List.of()));
        holidays.addAll(jdbc.queryForList("select holiday from public_holiday", LocalDate.class));
        return new WorkingDays(holidays);
    }

    private JsonNode kpis(String user, LocalDate from, LocalDate to, String mda) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, OneDoorClient.PASSWORD).getForEntity(
                "/api/supervisor/kpis?from={f}&to={t}" + (mda == null ? "" : "&mda=" + mda), JsonNode.class, from, to);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    @Test
    void theFiguresAreTheSeededRequestsFigures() {
        WorkingDays wd = workingDays();
        LocalDate today = LocalDate.now(KpiDataSet.DHAKA);
        assertThat(requests.stream().filter(Req::open).count()).as("open requests in the data set").isGreaterThan(10);
        assertThat(requests.stream().mapToLong(r -> r.grievances().size()).sum()).isGreaterThan(10);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {KpiDataSet.FROM, KpiDataSet.TO},
                new LocalDate[] {LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)},
                new LocalDate[] {LocalDate.of(2026, 6, 17), LocalDate.of(2026, 9, 8)},
                new LocalDate[] {LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 12)});
        for (LocalDate[] p : periods) {
            compare(kpis("supervisor", p[0], p[1], null), expected(wd, p[0], p[1], null, today), p[0] + ".." + p[1]);
            for (String mda : MDAS) {
                compare(kpis("supervisor", p[0], p[1], mda), expected(wd, p[0], p[1], mda, today),
                        mda + " " + p[0] + ".." + p[1]);
            }
        }
        // The trend: received and decided per day of a short period, per month of a long one.
        for (LocalDate[] p : List.of(periods.get(1), periods.get(0))) {
            JsonNode trend = kpis("supervisor", p[0], p[1], null).path("trend");
            boolean byDay = trend.path("unit").asText().equals("day");
            assertThat(byDay).isEqualTo(p == periods.get(1));
            Map<String, long[]> points = new TreeMap<>();
            for (LocalDate d = p[0]; !d.isAfter(p[1]); d = d.plusDays(1)) {
                points.putIfAbsent(byDay ? d.toString() : d.toString().substring(0, 7), new long[3]);
            }
            for (Req r : requests) {
                LocalDate received = day(r.received());
                if (!received.isBefore(p[0]) && !received.isAfter(p[1])) {
                    points.get(byDay ? received.toString() : received.toString().substring(0, 7))[0]++;
                }
                LocalDate ended = r.ended() == null ? null : day(r.ended());
                if (ended != null && !ended.isBefore(p[0]) && !ended.isAfter(p[1])) {
                    int i = r.state().equals("APPROVED") ? 1 : r.state().equals("REJECTED") ? 2 : -1;
                    if (i > 0) {
                        points.get(byDay ? ended.toString() : ended.toString().substring(0, 7))[i]++;
                    }
                }
            }
            List<String> actual = new ArrayList<>();
            trend.path("points").forEach(pt -> actual.add(pt.path("period").asText() + " " + pt.path("received").asLong()
                    + " " + pt.path("approved").asLong() + " " + pt.path("rejected").asLong()));
            List<String> wanted = new ArrayList<>();
            points.forEach((period, n) -> wanted.add(period + " " + n[0] + " " + n[1] + " " + n[2]));
            assertThat(actual).as("trend " + p[0] + ".." + p[1]).containsExactlyElementsOf(wanted);
        }

        // An MDA's own supervisor sees the same as the ODSC's supervisor choosing that MDA.
        JsonNode own = kpis("city-corporation-supervisor", KpiDataSet.FROM, KpiDataSet.TO, null);
        assertThat(own.path("mdaCode").asText()).isEqualTo("city-corporation");
        assertThat(own.path("everyMda").asBoolean()).isFalse();
        assertThat(own.path("mdas").findValuesAsText("code")).containsExactly("city-corporation");
        compare(own, expected(wd, KpiDataSet.FROM, KpiDataSet.TO, "city-corporation", today), "city-corporation-supervisor");
    }

    @Test
    void whoSeesWhatAndTheCsvHoldsTheSameRows() {
        assertThat(http.getForEntity("/api/supervisor/kpis", JsonNode.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<JsonNode> clerk = http.withBasicAuth("frontdesk", OneDoorClient.PASSWORD)
                .getForEntity("/api/supervisor/kpis", JsonNode.class);
        assertThat(clerk.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> officer = http.withBasicAuth("city-corporation-desk", OneDoorClient.PASSWORD)
                .getForEntity("/api/supervisor/kpis.csv", JsonNode.class);
        assertThat(officer.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> other = http.withBasicAuth("city-corporation-supervisor", OneDoorClient.PASSWORD)
                .getForEntity("/api/supervisor/kpis?mda=fire-service", JsonNode.class);
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody().path("code").asText()).isEqualTo("kpi.mda-forbidden");
        ResponseEntity<JsonNode> unknown = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD)
                .getForEntity("/api/supervisor/kpis?mda=nowhere", JsonNode.class);
        assertThat(unknown.getBody().path("code").asText()).isEqualTo("kpi.mda-unknown");
        ResponseEntity<JsonNode> backwards = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD)
                .getForEntity("/api/supervisor/kpis?from=2026-07-02&to=2026-07-01", JsonNode.class);
        assertThat(backwards.getBody().path("code").asText()).isEqualTo("kpi.period-invalid");
        assertThat(http.withBasicAuth("supervisor", OneDoorClient.PASSWORD)
                .postForEntity("/api/admin/kpis/rebuild", null, JsonNode.class).getStatusCode().value()).isEqualTo(403);

        JsonNode json = kpis("supervisor", KpiDataSet.FROM, KpiDataSet.TO, null);
        ResponseEntity<byte[]> csv = http.withBasicAuth("supervisor", OneDoorClient.PASSWORD).exchange(
                "/api/supervisor/kpis.csv?from={f}&to={t}&lang=bn", HttpMethod.GET, null, byte[].class, KpiDataSet.FROM,
                KpiDataSet.TO);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("onedoor-kpis-all-2026-06-01-2026-11-30.csv");
        List<Map<String, String>> rows = Csv.parse(new String(csv.getBody(), StandardCharsets.UTF_8));
        List<JsonNode> expected = new ArrayList<>();
        expected.add(json.path("total"));
        json.path("services").forEach(expected::add);
        json.path("mdaRows").forEach(expected::add);
        json.path("officers").forEach(expected::add);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            JsonNode r = expected.get(i);
            assertThat(row.get("level")).isEqualTo(r.path("level").asText());
            assertThat(row.get("code")).isEqualTo(r.path("code").asText(""));
            assertThat(row.get("name")).isEqualTo(r.path("name").path("bn").asText(""));
            assertThat(row.get("received")).isEqualTo(r.path("received").asText());
            assertThat(row.get("decided")).isEqualTo(r.path("decided").asText());
            assertThat(row.get("open_over_60_days")).isEqualTo(r.path("backlog").path(5).asText());
            assertThat(row.get("on_time")).isEqualTo(r.path("onTime").asText());
            assertThat(row.get("ratings")).isEqualTo(r.path("ratings").asText());
            assertThat(row.get("grievances_answered")).isEqualTo(r.path("grievancesAnswered").asText());
            assertThat(row.get("median_working_days").isEmpty() ? null : Double.parseDouble(row.get("median_working_days")))
                    .isEqualTo(r.has("medianDays") ? Math.round(r.path("medianDays").asDouble() * 100) / 100.0 : null);
        }
        assertThat(rows.get(0).get("sla_compliance_percent")).isNotEmpty();
        assertThat(rows.stream().map(r -> r.get("name"))).contains("ট্রেড লাইসেন্স");
    }

    @Test
    void theFiguresFollowEachChangeWithoutARebuild() {
        OneDoorClient client = new OneDoorClient(http);
        LocalDate today = LocalDate.now(KpiDataSet.DHAKA);
        String service = "social-safety-net-allowance";
        Function<JsonNode, JsonNode> allowance = d -> row(d.path("services"), service);
        JsonNode before = kpis("supervisor", today, today, null);

        JsonNode filed = client.file("frontdesk", OneDoorClient.example(service)).getBody();
        String number = filed.path("trackingNumber").asText();
        JsonNode afterFiling = kpis("supervisor", today, today, null);
        assertThat(count(allowance.apply(afterFiling), "received") - count(allowance.apply(before), "received")).isOne();
        assertThat(count(allowance.apply(afterFiling), "open") - count(allowance.apply(before), "open")).isOne();
        // The MDA gets its part once the process routes it (a job): counted for the MDA from then on.
        OneDoorClient.await("social services' part counted", () -> {
            JsonNode mda = row(kpis("social-services-supervisor", today, today, null).path("services"), service);
            JsonNode was = row(before.path("mdaRows"), "social-services");
            return count(mda, "received") - count(was, "received") == 1 ? mda : null;
        });

        // A grievance taken by phone: the grievance process's news counts it.
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        MultiValueMap<String, Object> grievance = new LinkedMultiValueMap<>();
        grievance.add("grievance", new HttpEntity<>("{\"complaint\": \"Nobody called back.\", \"mdaCode\":"
                + " \"social-services\", \"channel\": \"call-centre\"}", json));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth("frontdesk", OneDoorClient.PASSWORD).postForEntity(
                "/api/requests/{n}/grievances", new HttpEntity<>(grievance, multipart), JsonNode.class, number)
                .getStatusCode().value()).isEqualTo(201);
        JsonNode grieved = kpis("supervisor", today, today, null);
        assertThat(count(allowance.apply(grieved), "grievances") - count(allowance.apply(before), "grievances")).isOne();
        assertThat(count(row(grieved.path("mdaRows"), "social-services"), "grievancesOpen")
                - count(row(before.path("mdaRows"), "social-services"), "grievancesOpen")).isOne();

        // A rating and an escalation step are no news: the sweep finds them.
        Instant now = Instant.now();
        jdbc.update("insert into feedback (tracking_number, rating, first_given_at, given_at) values (?, 2, ?, ?)", number,
                Timestamp.from(now), Timestamp.from(now));
        jdbc.update("insert into task_escalation (tracking_number, mda_code, task_id, task_level, step, sent_to, due_date,"
                + " working_days_late, taken_at, reason) values (?, 'social-services', 'kpi-it', 'desk', 'REASSIGNED',"
                + " 'social-services-head', ?, 2, ?, 'late')", number, today, Timestamp.from(now));
        JsonNode rated = kpis("supervisor", today, today, null);
        assertThat(count(allowance.apply(rated), "ratings") - count(allowance.apply(before), "ratings")).isOne();
        assertThat(rated(allowance.apply(rated), 2) - rated(allowance.apply(before), 2)).isOne();
        assertThat(count(allowance.apply(rated), "handedUp") - count(allowance.apply(before), "handedUp")).isOne();
        assertThat(count(row(rated.path("mdaRows"), "social-services"), "handedUp")
                - count(row(before.path("mdaRows"), "social-services"), "handedUp")).isOne();
        jdbc.update("update feedback set rating = 5, given_at = ? where tracking_number = ?",
                Timestamp.from(Instant.now()), number);
        JsonNode changed = kpis("supervisor", today, today, null);
        assertThat(rated(allowance.apply(changed), 2)).isEqualTo(rated(allowance.apply(before), 2));
        assertThat(rated(allowance.apply(changed), 5) - rated(allowance.apply(before), 5)).isOne();

        assertThat(client.withdraw(number, filed.path("trackingCode").asText(), "Moved away.").getStatusCode().value())
                .isEqualTo(200);
        JsonNode withdrawn = kpis("supervisor", today, today, null);
        assertThat(count(allowance.apply(withdrawn), "withdrawn") - count(allowance.apply(before), "withdrawn")).isOne();
        assertThat(count(allowance.apply(withdrawn), "open")).isEqualTo(count(allowance.apply(before), "open"));
        assertThat(count(row(withdrawn.path("mdaRows"), "social-services"), "withdrawn")
                - count(row(before.path("mdaRows"), "social-services"), "withdrawn")).isOne();
    }

    @Test
    void aHolidayAddedForAPastDayChangesTheProcessingTimesItFallsIn() {
        LocalDate holiday = LocalDate.of(2026, 7, 15);
        LocalDate today = LocalDate.now(KpiDataSet.DHAKA);
        compare(kpis("supervisor", KpiDataSet.FROM, KpiDataSet.TO, null),
                expected(workingDays(), KpiDataSet.FROM, KpiDataSet.TO, null, today), "before the holiday");
        ResponseEntity<JsonNode> added = http.withBasicAuth("admin", OneDoorClient.PASSWORD).postForEntity(
                "/api/admin/calendar/holidays", Map.of("day", holiday.toString(), "name", "KPI test closure"),
                JsonNode.class);
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        try {
            WorkingDays closed = workingDays();
            assertThat(closed.working(holiday)).isFalse();
            JsonNode all = kpis("supervisor", KpiDataSet.FROM, KpiDataSet.TO, null);
            Map<String, Expect> with = expected(closed, KpiDataSet.FROM, KpiDataSet.TO, null, today);
            compare(all, with, "with the holiday");
            assertThat(with.get("total").processing).as("the holiday shortens some processing times")
                    .isNotEqualTo(expected(new WorkingDays(withOut(closed.holidays(), holiday)), KpiDataSet.FROM,
                            KpiDataSet.TO, null, today).get("total").processing);
        } finally {
            http.withBasicAuth("admin", OneDoorClient.PASSWORD).exchange("/api/admin/calendar/holidays/{d}",
                    HttpMethod.DELETE, null, JsonNode.class, holiday);
        }
        compare(kpis("supervisor", KpiDataSet.FROM, KpiDataSet.TO, null),
                expected(workingDays(), KpiDataSet.FROM, KpiDataSet.TO, null, today), "without the holiday");
    }

    private static Set<LocalDate> withOut(Set<LocalDate> days, LocalDate day) {
        Set<LocalDate> rest = new HashSet<>(days);
        rest.remove(day);
        return rest;
    }

    private static long count(JsonNode row, String field) {
        return row == null ? 0 : row.path(field).asLong();
    }

    private static long rated(JsonNode row, int stars) {
        return row == null ? 0 : row.path("ratingCounts").path(stars - 1).asLong();
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.path("code").asText().equals(code)) {
                return r;
            }
        }
        return null;
    }

    // ---- the expected figures, from the seeded requests ----------------------------------------------------------

    /** What one row should show. */
    static final class Expect {
        long received;
        long approved;
        long rejected;
        long withdrawn;
        long cancelled;
        long onTime;
        long reminders;
        long overdue;
        long handedUp;
        long returns;
        long questions;
        long grievances;
        long grievancesOnTime;
        long appeals;
        final List<Integer> processing = new ArrayList<>();
        final List<Integer> ratings = new ArrayList<>();
        final List<Integer> grievanceDays = new ArrayList<>();
        final long[] backlog = new long[6];
        final long[] grievanceBacklog = new long[6];
    }

    /** Keys: {@code total}, {@code service:<code>}, {@code mda:<code>}, {@code officer:<mda>:<officer>}. */
    private Map<String, Expect> expected(WorkingDays wd, LocalDate from, LocalDate to, String scope, LocalDate today) {
        Map<String, Expect> rows = new TreeMap<>();
        for (Req r : requests) {
            Function<Instant, Boolean> in = at -> at != null && !day(at).isBefore(from) && !day(at).isAfter(to);
            // The rows a whole-request figure counts in (every MDA), or a figure of MDA m.
            Function<String, List<Expect>> at = m -> {
                List<Expect> e = new ArrayList<>();
                if (scope == null && m == null || scope != null && scope.equals(m)) {
                    e.add(rows.computeIfAbsent("total", k -> new Expect()));
                    e.add(rows.computeIfAbsent("service:" + r.service(), k -> new Expect()));
                }
                if (m != null && (scope == null || scope.equals(m))) {
                    e.add(rows.computeIfAbsent("mda:" + m, k -> new Expect()));
                }
                return e;
            };
            Function<String[], List<Expect>> officer = mo -> mo[1] == null || mo[1].equals(mo[0])
                    || scope != null && !scope.equals(mo[0]) ? List.of()
                    : List.of(rows.computeIfAbsent("officer:" + mo[0] + ":" + mo[1], k -> new Expect()));

            if (in.apply(r.received())) {
                at.apply(null).forEach(e -> e.received++);
            }
            if (r.open()) {
                int age = bucket(wd.between(day(r.received()), today));
                at.apply(null).forEach(e -> e.backlog[age]++);
            } else if (in.apply(r.ended())) {
                LocalDate end = day(r.ended());
                for (Expect e : at.apply(null)) {
                    switch (r.state()) {
                        case "APPROVED" -> e.approved++;
                        case "REJECTED" -> e.rejected++;
                        case "WITHDRAWN" -> e.withdrawn++;
                        default -> e.cancelled++;
                    }
                }
                if (r.decided()) {
                    int paused = paused(wd, r.questions(), null, today);
                    int days = wd.between(day(r.released()), end) - paused;
                    boolean onTime = !end.isAfter(wd.add(r.expectedBy(), paused));
                    at.apply(null).forEach(e -> {
                        e.processing.add(days);
                        e.onTime += onTime ? 1 : 0;
                    });
                }
            }
            for (Leg leg : r.legs()) {
                if (leg.started() == null) {
                    continue;
                }
                LocalDate start = day(leg.started());
                if (in.apply(leg.started())) {
                    at.apply(leg.mda()).forEach(e -> e.received++);
                }
                if (leg.ended() == null) {
                    int age = bucket(wd.between(start, today));
                    at.apply(leg.mda()).forEach(e -> e.backlog[age]++);
                    continue;
                }
                if (!in.apply(leg.ended())) {
                    continue;
                }
                LocalDate end = day(leg.ended());
                if (leg.state().equals("CANCELLED")) {
                    at.apply(leg.mda()).forEach(e -> {
                        if (r.state().equals("WITHDRAWN")) {
                            e.withdrawn++;
                        } else {
                            e.cancelled++;
                        }
                    });
                    continue;
                }
                int paused = paused(wd, r.questions(), leg.mda(), today);
                int days = wd.between(start, end) - paused;
                boolean onTime = !end.isAfter(wd.add(start, KpiDataSet.LEG_SLA.get(leg.mda()) + paused));
                List<Expect> counted = new ArrayList<>(at.apply(leg.mda()));
                counted.addAll(officer.apply(new String[] {leg.mda(), leg.decider()}));
                for (Expect e : counted) {
                    if (leg.state().equals("APPROVED")) {
                        e.approved++;
                    } else {
                        e.rejected++;
                    }
                    e.processing.add(days);
                    e.onTime += onTime ? 1 : 0;
                }
            }
            for (Question q : r.questions()) {
                if (in.apply(q.asked())) {
                    all(at, q.mda()).forEach(e -> e.questions++);
                    officer.apply(new String[] {q.mda(), q.askedBy()}).forEach(e -> e.questions++);
                }
            }
            for (KpiDataSet.Returned ret : r.returns()) {
                if (in.apply(ret.at())) {
                    all(at, ret.mda()).forEach(e -> e.returns++);
                    officer.apply(new String[] {ret.mda(), ret.officer()}).forEach(e -> e.returns++);
                }
            }
            for (KpiDataSet.Escalation step : r.escalations()) {
                if (in.apply(step.at())) {
                    all(at, step.mda()).forEach(e -> {
                        switch (step.step()) {
                            case "REMINDER" -> e.reminders++;
                            case "OVERDUE" -> e.overdue++;
                            default -> e.handedUp++;
                        }
                    });
                }
            }
            if (r.rating() != null && in.apply(r.rating().firstGiven())) {
                List<Expect> counted = new ArrayList<>(at.apply(null));
                for (Leg leg : r.legs()) {
                    if (leg.started() != null) {
                        counted.addAll(at.apply(leg.mda()).stream().filter(e -> !counted.contains(e)).toList());
                        if (leg.ended() != null && !leg.state().equals("CANCELLED")) {
                            counted.addAll(officer.apply(new String[] {leg.mda(), leg.decider()}));
                        }
                    }
                }
                counted.forEach(e -> e.ratings.add(r.rating().rating()));
            }
            for (Grievance g : r.grievances()) {
                if (in.apply(g.filed())) {
                    all(at, g.mda()).forEach(e -> e.grievances++);
                }
                if (in.apply(g.answered())) {
                    int days = wd.between(day(g.filed()), day(g.answered()));
                    boolean onTime = !day(g.answered()).isAfter(g.dueBy());
                    all(at, g.mda()).forEach(e -> {
                        e.grievanceDays.add(days);
                        e.grievancesOnTime += onTime ? 1 : 0;
                    });
                }
                if (g.state().equals("OPEN") || g.state().equals("APPEALED")) {
                    int age = bucket(wd.between(day(g.filed()), today));
                    all(at, g.mda()).forEach(e -> e.grievanceBacklog[age]++);
                }
                if (in.apply(g.appealed())) {
                    all(at, g.mda()).forEach(e -> e.appeals++);
                }
            }
        }
        return rows;
    }

    /** The rows of the whole request and of MDA {@code m}, each once. */
    private static List<Expect> all(Function<String, List<Expect>> at, String m) {
        List<Expect> rows = new ArrayList<>(at.apply(null));
        at.apply(m).stream().filter(e -> !rows.contains(e)).forEach(rows::add);
        return rows;
    }

    /** Working days waited for the applicant, each day once: after the question's day up to its end (or today). */
    private static int paused(WorkingDays wd, List<Question> questions, String mda, LocalDate today) {
        Set<LocalDate> days = new HashSet<>();
        for (Question q : questions) {
            if (mda != null && !q.mda().equals(mda)) {
                continue;
            }
            Instant end = q.ended() != null ? q.ended() : q.answered();
            LocalDate last = end == null ? today : day(end);
            for (LocalDate d = day(q.asked()).plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                if (wd.working(d)) {
                    days.add(d);
                }
            }
        }
        return days.size();
    }

    private static int bucket(int age) {
        int[] limits = {5, 10, 20, 30, 60};
        for (int i = 0; i < limits.length; i++) {
            if (age <= limits[i]) {
                return i;
            }
        }
        return limits.length;
    }

    /** Linear interpolation between the closest ranks of the sorted values (PostgreSQL's percentile_cont). */
    static Double percentile(List<Integer> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        double rank = p * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private void compare(JsonNode dashboard, Map<String, Expect> expected, String what) {
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        actual.put("total", dashboard.path("total"));
        dashboard.path("services").forEach(r -> actual.put("service:" + r.path("code").asText(), r));
        dashboard.path("mdaRows").forEach(r -> actual.put("mda:" + r.path("code").asText(), r));
        dashboard.path("officers").forEach(r -> actual.put("officer:" + r.path("mdaCode").asText() + ":"
                + r.path("code").asText(), r));
        assertThat(actual.keySet().stream().filter(k -> k.startsWith("officer:")))
                .as(what + ": officers").containsExactlyInAnyOrderElementsOf(
                        expected.keySet().stream().filter(k -> k.startsWith("officer:")).toList());
        expected.forEach((key, e) -> {
            JsonNode r = actual.get(key);
            String as = what + ", " + key + ": " + r;
            assertThat(r).as(as).isNotNull();
            assertThat(r.path("received").asLong()).as(as + " received").isEqualTo(e.received);
            assertThat(r.path("approved").asLong()).as(as + " approved").isEqualTo(e.approved);
            assertThat(r.path("rejected").asLong()).as(as + " rejected").isEqualTo(e.rejected);
            assertThat(r.path("decided").asLong()).as(as + " decided").isEqualTo(e.approved + e.rejected);
            assertThat(r.path("withdrawn").asLong()).as(as + " withdrawn").isEqualTo(e.withdrawn);
            assertThat(r.path("cancelled").asLong()).as(as + " cancelled").isEqualTo(e.cancelled);
            assertThat(r.path("onTime").asLong()).as(as + " on time").isEqualTo(e.onTime);
            assertNumber(r, "medianDays", percentile(e.processing, 0.5), as);
            assertNumber(r, "p90Days", percentile(e.processing, 0.9), as);
            assertNumber(r, "slaCompliance", e.processing.isEmpty() ? null : e.onTime / (double) e.processing.size(), as);
            assertThat(r.path("reminders").asLong()).as(as + " reminders").isEqualTo(e.reminders);
            assertThat(r.path("overdueNotices").asLong()).as(as + " overdue").isEqualTo(e.overdue);
            assertThat(r.path("handedUp").asLong()).as(as + " handed up").isEqualTo(e.handedUp);
            assertThat(r.path("returns").asLong()).as(as + " returns").isEqualTo(e.returns);
            assertThat(r.path("informationRequests").asLong()).as(as + " questions").isEqualTo(e.questions);
            assertThat(r.path("ratings").asLong()).as(as + " ratings").isEqualTo(e.ratings.size());
            assertNumber(r, "averageRating", e.ratings.isEmpty() ? null
                    : e.ratings.stream().mapToInt(Integer::intValue).average().orElseThrow(), as);
            for (int star = 1; star <= 5; star++) {
                int s = star;
                assertThat(r.path("ratingCounts").path(star - 1).asLong()).as(as + " rated " + star)
                        .isEqualTo(e.ratings.stream().filter(x -> x == s).count());
            }
            assertThat(r.path("grievances").asLong()).as(as + " grievances").isEqualTo(e.grievances);
            assertThat(r.path("grievancesAnswered").asLong()).as(as + " answered").isEqualTo(e.grievanceDays.size());
            assertNumber(r, "grievanceMedianDays", percentile(e.grievanceDays, 0.5), as);
            assertNumber(r, "grievanceP90Days", percentile(e.grievanceDays, 0.9), as);
            assertThat(r.path("grievancesAnsweredOnTime").asLong()).as(as + " answered on time")
                    .isEqualTo(e.grievancesOnTime);
            assertThat(r.path("appeals").asLong()).as(as + " appeals").isEqualTo(e.appeals);
            if (!key.startsWith("officer:")) {
                // What is open now: requests filed today by other tests are at most in the first age group.
                for (int b = 1; b < 6; b++) {
                    assertThat(r.path("backlog").path(b).asLong()).as(as + " backlog " + b).isEqualTo(e.backlog[b]);
                    assertThat(r.path("grievanceBacklog").path(b).asLong()).as(as + " grievance backlog " + b)
                            .isEqualTo(e.grievanceBacklog[b]);
                }
                assertThat(r.path("backlog").path(0).asLong()).as(as + " backlog 0").isGreaterThanOrEqualTo(e.backlog[0]);
                assertThat(r.path("open").asLong()).as(as + " open")
                        .isEqualTo(Arrays.stream(toLongs(r.path("backlog"))).sum());
            }
        });
    }

    private static long[] toLongs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.path(i).asLong();
        }
        return values;
    }

    private static void assertNumber(JsonNode row, String field, Double expected, String as) {
        if (expected == null) {
            assertThat(row.has(field)).as(as + " " + field + " absent").isFalse();
        } else {
            assertThat(row.path(field).asDouble()).as(as + " " + field).isCloseTo(expected, within(1e-9));
        }
    }
}
