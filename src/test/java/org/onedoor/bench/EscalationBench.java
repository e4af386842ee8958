package org.onedoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.onedoor.OneDoorClient;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

/**
 * Escalation at scale: {@code bench.escalation.tasks} (100 000 by default) open desk-officer tasks of the city
 * corporation whose reminder and overdue timers all fall due at once, and how long OneDoor takes until no timer is
 * due any more (each task reminded, its supervisor told and, two working days late, handed up), with intake latency
 * measured at one filing a second before and meanwhile.
 *
 * <p>The requests are seeded with SQL, already 30 days in review; their review processes are started through
 * Camunda's REST API while the job executor is off, with the request-wide due date three days ago (OneDoor's listeners
 * name the tasks and set their dates and timers; the seeded numbers carry no check digit, so the dates come from that
 * due date rather than the legs' clocks, at the same cost). OneDoor then starts again with its job executor on, and
 * every timer is due.
 *
 * <p>The PostgreSQL server here runs with autovacuum off, so no table's statistics would follow the seeding: the
 * harness analyzes the database as autovacuum would, every 10 000 review processes and once more before release
 * (without it, the planner took Camunda's 600 000 variables for 224 and read an index of all of them per lookup).
 *
 * <p>Seeding 100 000 tasks takes the better part of an hour, so the seeded database is kept as
 * {@code onedoor_bench_escalation_<tasks>}; {@code -Dbench.escalation.reuse=true} starts from a copy of it instead of
 * seeding again (to compare settings on the same data), and reports no seeding figures.
 */
final class EscalationBench {

    private EscalationBench() {
    }

    static Map<String, Object> run(int tasks) throws Exception {
        String database = "onedoor_bench_escalation";
        String seeded = database + "_" + tasks;
        int port = OneDoorLoad.freePort();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tasks", tasks);
        RestTemplate http = new RestTemplate();
        MultiValueMap<String, Object> filing = OneDoorClient.example("social-safety-net-allowance");

        if (Boolean.getBoolean("bench.escalation.reuse") && Benchmark.databaseExists(seeded)) {
            result.put("seededFrom", seeded);
            Benchmark.copyDatabase(seeded, database);
        } else {
            Benchmark.freshDatabase(database);
            Process app = OneDoorLoad.start("onedoor", "-Xmx1g", "org.onedoor.OneDoorApplication",
                    args(port, database, false));
            try {
                OneDoorLoad.awaitHealthy(port);
                long seedStart = System.nanoTime();
                seedRequests(database, tasks);
                result.put("seedRequestsSeconds", Benchmark.round((System.nanoTime() - seedStart) / 1e9));
                long startStart = System.nanoTime();
                startReviews(http, port, tasks, database);
                result.put("startReviewsSeconds", Benchmark.round((System.nanoTime() - startStart) / 1e9));
                result.put("intakeBeforeMillis", intake(http, port, filing, 20));
            } finally {
                OneDoorLoad.stop(app);
            }
            Benchmark.copyDatabase(database, seeded);
        }
        analyze(database);

        Process app = OneDoorLoad.start("onedoor", "-Xmx1g", "org.onedoor.OneDoorApplication", args(port, database, true));
        try {
            long released = System.nanoTime();
            OneDoorLoad.awaitHealthy(port);
            List<Long> progress = new ArrayList<>();
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<Map<String, Object>> intakeMeanwhile = background.submit(() -> intake(http, port, filing, 60));
            String due = "select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= now()";
            long dueTimers = tasks;
            long deadline = released + TimeUnit.HOURS.toNanos(3);
            while (dueTimers > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5_000);
                dueTimers = count(database, due);
                progress.add(dueTimers);
            }
            long steps = count(database, "select count(*) from task_escalation");
            result.put("secondsUntilAllEscalated", Benchmark.round((System.nanoTime() - released) / 1e9));
            result.put("stepsTaken", steps);
            result.put("stepsPerSecond", Benchmark.round(steps / ((System.nanoTime() - released) / 1e9)));
            result.put("dueTimersEvery5s", progress);
            result.put("stepsByKind", steps(database));
            result.put("intakeMeanwhileMillis", intakeMeanwhile.get());
            background.shutdown();
            result.put("incidents", count(database, "select count(*) from act_ru_incident"));
        } finally {
            OneDoorLoad.stop(app);
        }
        return result;
    }

    private static String[] args(int port, String database, boolean jobExecutor) {
        return new String[] {"--spring.profiles.active=demo", "--server.port=" + port,
                "--spring.datasource.url=" + Benchmark.PG_URL + database,
                "--spring.datasource.username=" + Benchmark.PG_USER,
                "--spring.datasource.password=" + Benchmark.PG_PASSWORD,
                "--camunda.bpm.job-execution.enabled=" + jobExecutor, "--logging.level.org.onedoor=WARN"};
    }

    /** Requests in progress whose city corporation leg has been in review for 30 days. */
    private static void seedRequests(String database, int tasks) throws SQLException {
        String series = "from generate_series(1, " + tasks + ") g";
        String number = "'BENCH-' || lpad(g::text, 7, '0')";
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
            s.execute("insert into service_request (tracking_number, tracking_code_hash, service_code, applicant_name,"
                    + " applicant_national_id, applicant_phone, applicant_district, form_data, received_at, expected_by,"
                    + " received_by) select " + number + ", repeat('0', 64), 'trade-licence', 'Bench Applicant',"
                    + " '1987654321', '01712345678', 'Dhaka', '{\"businessCategory\": \"retail\"}',"
                    + " now() - interval '30 days', current_date - 10, 'frontdesk' " + series);
            s.execute("insert into request_state_change (tracking_number, seq, from_state, to_state, changed_at) select "
                    + number + ", 1, null, 'RECEIVED', now() - interval '30 days' " + series);
            s.execute("insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state, changed_at)"
                    + " select " + number + ", 2, 1, 'RECEIVED', 'IN_PROGRESS', now() - interval '30 days' " + series);
            s.execute("insert into request_lifecycle (tracking_number, seq, state) select " + number
                    + ", 2, 'IN_PROGRESS' " + series);
            s.execute("insert into leg_state_change (tracking_number, mda_code, seq, to_state, changed_at) select "
                    + number + ", 'city-corporation', 1, 'PLANNED', now() - interval '30 days' " + series);
            s.execute("insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state,"
                    + " changed_at) select " + number + ", 'city-corporation', 2, 1, 'PLANNED', 'IN_REVIEW',"
                    + " now() - interval '30 days' " + series);
            s.execute("insert into request_leg (tracking_number, mda_code, stage, review_levels, has_system, seq, state,"
                    + " started_at) select " + number + ", 'city-corporation', 1, 1, false, 2, 'IN_REVIEW',"
                    + " now() - interval '30 days' " + series);
            s.execute("analyze");
        }
    }

    /** Each request's review process, as the service process would call it, through Camunda's REST API. */
    private static void startReviews(RestTemplate http, int port, int tasks, String database) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .format(ZonedDateTime.now().minusDays(3));
        List<Future<?>> started = new ArrayList<>();
        for (int i = 1; i <= tasks; i++) {
            String number = "BENCH-" + String.format("%07d", i);
            started.add(pool.submit(() -> {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                headers.setBasicAuth("admin", "demo");
                Map<String, Object> variables = Map.of(
                        "trackingNumber", Map.of("value", number), "serviceCode", Map.of("value", "trade-licence"),
                        "applicantName", Map.of("value", "Bench Applicant"),
                        "mdaCode", Map.of("value", "city-corporation"), "reviewLevels", Map.of("value", 1),
                        "dueDate", Map.of("value", due, "type", "Date"));
                http.postForObject("http://127.0.0.1:" + port + "/engine-rest/process-definition/key/OfficerReview/start",
                        new HttpEntity<>(Map.of("businessKey", number, "variables", variables), headers), String.class);
                return null;
            }));
        }
        for (int i = 0; i < started.size(); i++) {
            started.get(i).get();
            if ((i + 1) % 10_000 == 0) {
                analyze(database);
            }
        }
        pool.shutdown();
    }

    /** What autovacuum would do (it is off on this server): statistics that follow the data. */
    private static void analyze(String database) throws SQLException {
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
            s.execute("analyze");
        }
    }

    /** Intake latency at one filing a second for {@code seconds}. */
    private static Map<String, Object> intake(RestTemplate http, int port, MultiValueMap<String, Object> filing,
            int seconds) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            long t0 = System.nanoTime();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            headers.setBasicAuth("frontdesk", "demo");
            http.postForObject("http://127.0.0.1:" + port + "/api/requests", new HttpEntity<>(filing, headers),
                    String.class);
            long took = System.nanoTime() - t0;
            latencies.add(took);
            Thread.sleep(Math.max(0, 1_000 - took / 1_000_000));
        }
        return Load.percentiles(latencies);
    }

    private static Map<String, Long> steps(String database) throws SQLException {
        Map<String, Long> steps = new LinkedHashMap<>();
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(
                        "select step, count(*) from task_escalation group by step order by step")) {
            while (rs.next()) {
                steps.put(rs.getString(1), rs.getLong(2));
            }
        }
        return steps;
    }

    private static long count(String database, String query) throws SQLException {
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
