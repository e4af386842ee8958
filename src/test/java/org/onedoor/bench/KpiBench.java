package org.onedoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

/**
 * The supervisors' dashboard at scale: {@code bench.kpi.requests} (1 000 000 by default) requests of the three demo
 * services over the last two years, written with SQL as OneDoor would have left them (every state change of the
 * request and of each MDA's part, questions to the applicant, returns, escalation steps, ratings, grievances, one
 * timeline entry per request besides the returns), counted by OneDoor's own refresh after
 * {@code POST /api/admin/kpis/rebuild} (the figure an upgrade of a running centre would see), then the dashboard's
 * JSON and CSV asked repeatedly, for every MDA and for one, over the last twelve months, the last calendar month and
 * the last 30 days; beside it, a small part of the same figures read straight from the requests, as a dashboard
 * without totals would.
 *
 * <p>Seeding and counting a million requests take a while, so the counted database is kept as
 * {@code onedoor_bench_kpi_<requests>}; {@code -Dbench.kpi.reuse=true} measures on a copy of it, with no seeding figures.
 * The server here runs with autovacuum off: the harness vacuums and analyzes after seeding, every 10 seconds while
 * counting, and after counting, as autovacuum would.
 */
final class KpiBench {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final int WARM_UP = 5;
    private static final int CALLS = 30;

    private KpiBench() {
    }

    static Map<String, Object> run(int requests) throws Exception {
        String database = "onedoor_bench_kpi";
        String seeded = database + "_" + requests;
        int port = OneDoorLoad.freePort();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests);
        if (Boolean.getBoolean("bench.kpi.reuse") && Benchmark.databaseExists(seeded)) {
            result.put("seededFrom", seeded);
            Benchmark.copyDatabase(seeded, database);
        } else {
            Benchmark.freshDatabase(database);
            Process app = OneDoorLoad.start("onedoor-kpi", "-Xmx1g", "org.onedoor.OneDoorApplication", args(port, database, false));
            try {
                OneDoorLoad.awaitHealthy(port);
                long seedStart = System.nanoTime();
                seed(database, requests);
                analyze(database);
                result.put("seedSeconds", Benchmark.round((System.nanoTime() - seedStart) / 1e9));
                result.put("rowsSeeded", rows(database, "service_request", "request_state_change", "request_leg",
                        "leg_state_change", "information_request", "tracking_event", "task_escalation", "feedback",
                        "grievance"));
                countAll(port, database, requests, result);
            } finally {
                OneDoorLoad.stop(app);
            }
            analyze(database);
            Benchmark.copyDatabase(database, seeded);
        }
        result.put("kpiRows", Map.of(
                "kpi_request", count(database, "select count(*) from kpi_request"),
                "kpi_count per day", count(database, "select count(*) from kpi_count where grain = 'D'"),
                "kpi_count per month", count(database, "select count(*) from kpi_count where grain = 'M'")));
        result.put("databaseMiB", count(database, "select pg_database_size(current_database()) / 1048576"));

        Process app = OneDoorLoad.start("onedoor-kpi", "-Xmx1g", "org.onedoor.OneDoorApplication", args(port, database, false));
        try {
            OneDoorLoad.awaitHealthy(port);
            LocalDate today = LocalDate.now(DHAKA);
            LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
            Map<String, LocalDate[]> periods = new LinkedHashMap<>();
            periods.put("last 12 months", new LocalDate[] {today.minusYears(1).plusDays(1), today});
            periods.put("last calendar month", new LocalDate[] {lastMonth, lastMonth.plusMonths(1).minusDays(1)});
            periods.put("last 30 days", new LocalDate[] {today.minusDays(29), today});
            result.put("firstCallAfterStartMillis", call(port, "supervisor", "kpis",
                    periods.get("last 12 months"), null) / 1e6);
            Map<String, Object> latencies = new LinkedHashMap<>();
            for (String scope : List.of("every MDA", "one MDA (city-corporation)")) {
                for (Map.Entry<String, LocalDate[]> period : periods.entrySet()) {
                    for (String format : List.of("kpis", "kpis.csv")) {
                        String user = scope.startsWith("every") ? "supervisor" : "city-corporation-supervisor";
                        for (int i = 0; i < WARM_UP; i++) {
                            call(port, user, format, period.getValue(), null);
                        }
                        List<Long> nanos = new ArrayList<>();
                        for (int i = 0; i < CALLS; i++) {
                            nanos.add(call(port, user, format, period.getValue(), null));
                        }
                        Map<String, Object> p = new LinkedHashMap<>(Load.percentiles(nanos));
                        p.put("max", Benchmark.round(Collections.max(nanos) / 1e6));
                        latencies.put(scope + ", " + period.getKey() + ", " + (format.endsWith("csv") ? "CSV" : "JSON"),
                                p);
                        System.out.println("KPIs " + scope + ", " + period.getKey() + ", " + format + ": " + p);
                    }
                }
            }
            result.put("latencyMillis", latencies);
            result.put("withoutTotalsMillis", withoutTotals(database, periods.get("last 12 months")));
            result.put("periods", periods.entrySet().stream().collect(LinkedHashMap::new,
                    (m, e) -> m.put(e.getKey(), e.getValue()[0] + ".." + e.getValue()[1]), Map::putAll));
        } finally {
            OneDoorLoad.stop(app);
        }
        return result;
    }

    /**
     * {@code POST /api/admin/kpis/rebuild}, then OneDoor's own refresh counts every request (the figure an upgrade of a
     * running centre would see); the time it took goes into {@code result}.
     */
    static void countAll(int port, String database, int requests, Map<String, Object> result) throws Exception {
        long countStart = System.nanoTime();
        new RestTemplate().exchange("http://127.0.0.1:" + port + "/api/admin/kpis/rebuild", HttpMethod.POST,
                new HttpEntity<>(auth("admin")), String.class);
        List<Long> left = new ArrayList<>();
        long deadline = countStart + TimeUnit.HOURS.toNanos(3);
        for (long pending = requests; pending > 0; ) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending + " requests still to count after 3 hours; see "
                        + "target/bench/*.log");
            }
            Thread.sleep(10_000);
            // What autovacuum would do: statistics that follow the totals as they fill (without them the
            // planner, believing kpi_count empty, updates each total through the wrong index).
            analyze(database, "kpi_count", "kpi_request", "kpi_dirty");
            pending = count(database, "select count(*) from kpi_dirty");
            left.add(pending);
        }
        double seconds = (System.nanoTime() - countStart) / 1e9;
        result.put("countSeconds", Benchmark.round(seconds));
        result.put("countedPerSecond", Benchmark.round(requests / seconds));
        result.put("leftToCountEvery10s", left);
    }

    /**
     * The baseline: a small part of the dashboard read straight from the requests, as a dashboard without totals
     * would, on the same server: per service, the requests received in the period, how many are decided, and the
     * median and 90th percentile of their processing times, in calendar days (working days are not even within SQL's
     * reach).
     */
    private static Map<String, Object> withoutTotals(String database, LocalDate[] period) throws SQLException {
        String query = "select s.service_code, count(*), count(*) filter (where l.state in ('APPROVED', 'REJECTED')),"
                + " percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from c.changed_at"
                + " - s.received_at) / 86400) filter (where l.state in ('APPROVED', 'REJECTED'))"
                + " from service_request s join request_lifecycle l on l.tracking_number = s.tracking_number"
                + " join request_state_change c on c.tracking_number = l.tracking_number and c.seq = l.seq"
                + " where s.received_at >= '" + period[0] + "' and s.received_at < '" + period[1].plusDays(1)
                + "' group by s.service_code";
        List<Long> nanos = new ArrayList<>();
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
            for (int i = 0; i < WARM_UP + 10; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                if (i >= WARM_UP) {
                    nanos.add(System.nanoTime() - t0);
                }
            }
        }
        Map<String, Object> p = new LinkedHashMap<>(Load.percentiles(nanos));
        p.put("max", Benchmark.round(Collections.max(nanos) / 1e6));
        return p;
    }

    private static long call(int port, String user, String format, LocalDate[] period, String mda) {
        long t0 = System.nanoTime();
        ResponseEntity<byte[]> answer = new RestTemplate().exchange("http://127.0.0.1:" + port + "/api/supervisor/"
                + format + "?from=" + period[0] + "&to=" + period[1] + (mda == null ? "" : "&mda=" + mda),
                HttpMethod.GET, new HttpEntity<>(auth(user)), byte[].class);
        long took = System.nanoTime() - t0;
        if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null || answer.getBody().length < 100) {
            throw new IllegalStateException("KPIs answered " + answer.getStatusCode());
        }
        return took;
    }

    private static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return headers;
    }

    /** The demo on the benchmark's database; without the job executor, no process runs. */
    static String[] args(int port, String database, boolean jobExecutor) {
        return new String[] {"--spring.profiles.active=demo", "--server.port=" + port,
                "--spring.datasource.url=" + Benchmark.PG_URL + database,
                "--spring.datasource.username=" + Benchmark.PG_USER,
                "--spring.datasource.password=" + Benchmark.PG_PASSWORD,
                "--camunda.bpm.job-execution.enabled=" + jobExecutor, "--logging.level.org.onedoor=WARN"};
    }

    /**
     * Two years of requests, one every 63 seconds at a million: 45 % trade licences (the city corporation's officers
     * and the fire service's system in parallel), 35 % allowances (social services), 20 % land mutations (the land
     * office, then the sub-registry). Of those older than 40 days, 72 % approved, 10 % rejected, 8 % withdrawn, 2 %
     * cancelled, and a few still open; of the last 40 days, 60 % open. One MDA part in seven asks the applicant, one in
     * ten is returned for correction, one in five of the longer ones is reminded (half of those reported late, a quarter
     * handed up), a third of the decided requests are rated, one in fifty gets a grievance.
     */
    static void seed(String database, int requests) throws SQLException {
        long step = 730L * 86_400 / requests;
        String[] statements = {
            "create unlogged table bench_plan as with base as (select g, 'BK-' || lpad(g::text, 8, '0') as tn,"
                    + " case when g % 20 < 9 then 'trade-licence' when g % 20 < 16 then 'social-safety-net-allowance'"
                    + " else 'land-mutation' end as service, now() - interval '730 days' + (g - 1) * " + step
                    + " * interval '1 second' as received_at, (g * 7919 + 13) % 1000 as h, 1 + (g * 31) % 24 as d1,"
                    + " 1 + (g * 17) % 9 as d2 from generate_series(1::bigint, " + requests + ") g),"
                    + " shaped as (select *, case when received_at > now() - interval '40 days' and h % 100 < 60 then 'OPEN'"
                    // Whatever would end after today is still open.
                    + " when h < 5 or received_at + (d1 + d2 + 2) * interval '1 day' > now() then 'OPEN'"
                    + " when h % 100 < 72 then 'APPROVED' when h % 100 < 82 then 'REJECTED'"
                    + " when h % 100 < 90 then 'WITHDRAWN' when h % 100 < 92 then 'CANCELLED' else 'APPROVED' end as outcome,"
                    + " case service when 'trade-licence' then 'city-corporation' when 'social-safety-net-allowance'"
                    + " then 'social-services' else 'land-office' end as l1_mda, case service when 'trade-licence'"
                    + " then 'fire-service' when 'land-mutation' then 'sub-registry' end as l2_mda,"
                    + " case service when 'trade-licence' then 15 when 'social-safety-net-allowance' then 20 else 28 end"
                    + " as sla from base)"
                    + " select *, received_at + interval '1 hour' as l1_start,"
                    + " case when outcome in ('APPROVED', 'REJECTED') then received_at + d1 * interval '1 day'"
                    + " + interval '5 hours' when outcome in ('WITHDRAWN', 'CANCELLED') then received_at"
                    + " + (1 + h % 3) * interval '1 day' end as l1_end,"
                    + " l1_mda || case g % 4 when 0 then '-desk' when 1 then '-head' when 2 then '-director'"
                    + " else case when l1_mda = 'city-corporation' then '-desk2' else '-desk' end end as l1_decider,"
                    + " ((received_at at time zone 'Asia/Dhaka')::date + sla * 7 / 5) as expected_by from shaped",
            "alter table bench_plan add column l2_start timestamptz, add column l2_end timestamptz,"
                    + " add column l2_state varchar(24), add column ended_at timestamptz",
            // The fire service's system works beside the city corporation; the sub-registry after the land office.
            "update bench_plan set l2_start = l1_start, l2_end = case when outcome = 'APPROVED'"
                    + " or (outcome = 'REJECTED' and d2 < d1) or (outcome = 'OPEN' and received_at + d2 * interval '1 day'"
                    + " + interval '3 hours' < now()) then received_at + d2 * interval '1 day' + interval '3 hours'"
                    + " when outcome in ('REJECTED', 'WITHDRAWN', 'CANCELLED') then l1_end end,"
                    + " l2_state = case when outcome = 'APPROVED' or (outcome = 'REJECTED' and d2 < d1)"
                    + " or (outcome = 'OPEN' and received_at + d2 * interval '1 day' + interval '3 hours' < now())"
                    + " then 'APPROVED' when outcome = 'OPEN' then 'SENT' else 'CANCELLED' end"
                    + " where service = 'trade-licence'",
            "update bench_plan set l2_start = case when outcome = 'APPROVED' then l1_end + interval '10 minutes' end,"
                    + " l2_end = case when outcome = 'APPROVED' then l1_end + interval '10 minutes' + d2 * interval '1 day'"
                    + " when outcome <> 'OPEN' then l1_end end, l2_state = case when outcome = 'APPROVED' then 'APPROVED'"
                    + " when outcome = 'OPEN' then 'PLANNED' else 'CANCELLED' end where service = 'land-mutation'",
            "update bench_plan set ended_at = case when outcome = 'OPEN' then null when outcome = 'APPROVED'"
                    + " then greatest(l1_end, coalesce(l2_end, l1_end)) + interval '10 minutes' else l1_end end",
            "insert into service_request (tracking_number, tracking_code_hash, service_code, applicant_name,"
                    + " applicant_national_id, applicant_phone, applicant_district, form_data, received_at, expected_by,"
                    + " received_by, released_at) select tn, repeat('0', 64), service, 'Bench Applicant', '1987654321',"
                    + " '01712345678', 'Dhaka', '{}', received_at, expected_by, 'frontdesk', received_at from bench_plan",
            "insert into request_state_change (tracking_number, seq, to_state, changed_at) select tn, 1, 'RECEIVED',"
                    + " received_at from bench_plan",
            "insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state, changed_at)"
                    + " select tn, 2, 1, 'RECEIVED', 'IN_PROGRESS', received_at + interval '1 minute' from bench_plan",
            "insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state, changed_at, actor)"
                    + " select tn, 3, 2, 'IN_PROGRESS', outcome, ended_at, case when outcome = 'REJECTED' then l1_decider"
                    + " when outcome = 'WITHDRAWN' then 'frontdesk' end from bench_plan where outcome <> 'OPEN'",
            "insert into request_lifecycle (tracking_number, seq, state) select tn, case when outcome = 'OPEN' then 2"
                    + " else 3 end, case when outcome = 'OPEN' then 'IN_PROGRESS' else outcome end from bench_plan",
            // The first MDA's part, with its officers.
            "insert into leg_state_change (tracking_number, mda_code, seq, to_state, changed_at) select tn, l1_mda, 1,"
                    + " 'PLANNED', received_at + interval '1 minute' from bench_plan",
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at)"
                    + " select tn, l1_mda, 2, 1, 'PLANNED', 'IN_REVIEW', l1_start from bench_plan",
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at, actor)"
                    + " select tn, l1_mda, 3, 2, 'IN_REVIEW', case when outcome in ('APPROVED', 'REJECTED') then outcome"
                    + " else 'CANCELLED' end, l1_end, case when outcome in ('APPROVED', 'REJECTED') then l1_decider end"
                    + " from bench_plan where outcome <> 'OPEN'",
            "insert into request_leg (tracking_number, mda_code, stage, review_levels, has_system, seq, state, started_at,"
                    + " ended_at) select tn, l1_mda, 1, 2, false, case when outcome = 'OPEN' then 2 else 3 end,"
                    + " case when outcome = 'OPEN' then 'IN_REVIEW' when outcome in ('APPROVED', 'REJECTED') then outcome"
                    + " else 'CANCELLED' end, l1_start, l1_end from bench_plan",
            // The fire service's system: pending, signed for, decided (or cancelled).
            "insert into leg_state_change (tracking_number, mda_code, seq, to_state, changed_at) select tn, l2_mda, 1,"
                    + " 'PLANNED', received_at + interval '1 minute' from bench_plan where l2_mda is not null",
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at)"
                    + " select tn, l2_mda, 2, 1, 'PLANNED', 'PENDING', l2_start from bench_plan"
                    + " where service = 'trade-licence'",
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at,"
                    + " actor) select tn, l2_mda, 3, 2, 'PENDING', 'SENT', l2_start + interval '1 minute', l2_mda"
                    + " from bench_plan where service = 'trade-licence'",
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at,"
                    + " actor) select tn, l2_mda, 4, 3, 'SENT', l2_state, l2_end, l2_mda from bench_plan"
                    + " where service = 'trade-licence' and l2_state <> 'SENT'",
            // The sub-registry, once the land office approved; cancelled unstarted when the request ended before.
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at)"
                    + " select tn, l2_mda, 2, 1, 'PLANNED', case when l2_start is null then 'CANCELLED' else 'IN_REVIEW' end,"
                    + " coalesce(l2_start, l2_end) from bench_plan where service = 'land-mutation' and l2_state <> 'PLANNED'",
            "insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state, changed_at,"
                    + " actor) select tn, l2_mda, 3, 2, 'IN_REVIEW', 'APPROVED', l2_end, l2_mda || '-desk' from bench_plan"
                    + " where service = 'land-mutation' and l2_state = 'APPROVED'",
            "insert into request_leg (tracking_number, mda_code, stage, review_levels, has_system, seq, state, started_at,"
                    + " ended_at) select tn, l2_mda, case when service = 'land-mutation' then 2 else 1 end, 1,"
                    + " service = 'trade-licence', case when service = 'trade-licence' then case when l2_state = 'SENT'"
                    + " then 3 else 4 end when l2_state = 'PLANNED' then 1 when l2_start is null then 2 else 3 end,"
                    + " l2_state, l2_start, l2_end from bench_plan where l2_mda is not null",
            // Questions to the applicant, answered within the part's time.
            "insert into information_request (id, tracking_number, mda_code, asked_by, asked_at, question, documents,"
                    + " resumes_to, answered_at, answered_by, answer, ended_at, end_reason) select 'q-' || tn, tn, l1_mda,"
                    + " l1_mda || '-desk', l1_start + interval '1 day', 'Please bring the lease.', '', 'IN_REVIEW',"
                    + " l1_start + (2 + g % 4) * interval '1 day', 'frontdesk', 'Attached.',"
                    + " l1_start + (2 + g % 4) * interval '1 day', 'answered' from bench_plan where g % 7 = 0 and d1 > 6"
                    + " and l1_start + interval '6 days' < now()",
            "insert into tracking_event (tracking_number, occurred_at, kind, facts, after_outcome) select tn, received_at,"
                    + " 'RECEIVED', '{}', false from bench_plan",
            "insert into tracking_event (tracking_number, occurred_at, kind, mda_code, facts, after_outcome, actor)"
                    + " select tn, l1_start + interval '2 hours', 'RETURNED_TO_LEVEL', l1_mda, '{}', false, l1_mda || '-head'"
                    + " from bench_plan where g % 10 = 3",
            "insert into task_escalation (tracking_number, mda_code, task_id, task_level, step, sent_to, due_date,"
                    + " working_days_late, taken_at, reason) select tn, l1_mda, 'task-' || tn, 'desk', s.step,"
                    + " l1_mda || '-head', (l1_start + interval '8 days')::date, s.late, l1_start + s.after * interval '1 day',"
                    + " 'late' from bench_plan cross join (values ('REMINDER', 8, -2, 5), ('OVERDUE', 10, 0, 10),"
                    + " ('REASSIGNED', 12, 2, 20)) as s(step, after, late, nth) where g % 5 = 1 and d1 > 10"
                    + " and g % s.nth = 1 and l1_start + s.after * interval '1 day' < coalesce(l1_end, now())",
            "insert into feedback (tracking_number, rating, first_given_at, given_at) select tn, case h % 10 when 0 then 1"
                    + " when 1 then 2 when 2 then 3 when 3 then 3 when 4 then 4 when 5 then 4 when 6 then 4 else 5 end,"
                    + " ended_at + interval '1 day', ended_at + interval '1 day' from bench_plan where g % 3 = 0"
                    + " and outcome in ('APPROVED', 'REJECTED') and ended_at + interval '1 day' < now()",
            "insert into grievance (id, tracking_number, mda_code, channel, filed_by, complaint, filed_at, due_by, state,"
                    + " answered_at, answered_by) select 'g-' || tn, tn, l1_mda, 'tracking-page', 'citizen', 'Too slow.',"
                    + " received_at + interval '3 days', (received_at + interval '45 days')::date,"
                    + " case when h % 3 = 0 or received_at + (8 + h % 40) * interval '1 day' > now() then 'OPEN'"
                    + " else 'ANSWERED' end, case when h % 3 <> 0 and received_at + (8 + h % 40) * interval '1 day' < now()"
                    + " then received_at + (8 + h % 40) * interval '1 day' end, null from bench_plan where g % 50 = 7"
                    + " and received_at + interval '3 days' < now()",
            "drop table bench_plan"};
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
            for (String statement : statements) {
                long t0 = System.nanoTime();
                s.execute(statement);
                System.out.printf("seeded in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                        statement.substring(0, Math.min(90, statement.length())));
            }
        }
    }

    /** Vacuums and analyzes the tables (all when none is named), as autovacuum would; it is off on this server. */
    static void analyze(String database, String... tables) throws SQLException {
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
            s.execute("vacuum analyze " + String.join(", ", tables));
        }
    }

    static Map<String, Long> rows(String database, String... tables) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, count(database, "select count(*) from " + table));
        }
        return rows;
    }

    static long count(String database, String query) throws SQLException {
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
