package org.onedoor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.OneDoorClient;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

/**
 * Growth: intake and tracking on an empty database and on one holding {@code bench.growth.requests} (1 000 000 by
 * default) requests of two years, mostly ended, written by {@link KpiBench#seed} with the citizens' SMS and e-mails,
 * and counted into the KPIs by OneDoor's own refresh. On each, OneDoor in its own process (demo profile, simulator
 * inside, job executor on) takes filings of the services' examples at a fixed rate and, at the same time, tracking
 * calls for requests filed in the run (open loop: a slow answer does not slow the arrivals); after a warm-up and an
 * analyze, the latencies are measured. Beside them, the rows each table gave to sequential scans during the
 * measurement: a query that scans a growing table shows there.
 *
 * <p>The seeded and counted database is kept as {@code onedoor_bench_growth_<requests>};
 * {@code -Dbench.growth.reuse=true} measures on a copy of it, without seeding again.
 */
final class GrowthBench {

    private static final double FILINGS_PER_SECOND = 2;
    private static final double TRACKING_PER_SECOND = 4;
    private static final int WARM_UP_SECONDS = 20;
    private static final int SECONDS = 120;
    /** The bound: the full database may be this much slower than the empty one. */
    private static final double ALLOWED = 1.2;
    private static final List<String> SERVICES = List.of("trade-licence", "land-mutation", "social-safety-net-allowance");

    private GrowthBench() {
    }

    static Map<String, Object> run(int requests) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", requests);
        result.put("settings", Map.of("filingsPerSecond", FILINGS_PER_SECOND, "trackingPerSecond", TRACKING_PER_SECOND,
                "warmUpSeconds", WARM_UP_SECONDS, "seconds", SECONDS, "oneDoorHeap", "1g"));
        Map<String, Object> empty = measure(Benchmark.freshDatabase("onedoor_bench_growth_empty"));
        System.out.println("Growth, empty database: " + empty);
        result.put("empty", empty);

        String database = "onedoor_bench_growth";
        String seeded = database + "_" + requests;
        Map<String, Object> full = new LinkedHashMap<>();
        if (Boolean.getBoolean("bench.growth.reuse") && Benchmark.databaseExists(seeded)) {
            full.put("seededFrom", seeded);
            Benchmark.copyDatabase(seeded, database);
        } else {
            Benchmark.freshDatabase(database);
            int port = OneDoorLoad.freePort();
            Process app = OneDoorLoad.start("onedoor-growth", "-Xmx1g", "org.onedoor.OneDoorApplication",
                    KpiBench.args(port, database, false));
            try {
                OneDoorLoad.awaitHealthy(port);
                long seedStart = System.nanoTime();
                KpiBench.seed(database, requests);
                seedNotifications(database);
                KpiBench.analyze(database);
                full.put("seedSeconds", Benchmark.round((System.nanoTime() - seedStart) / 1e9));
                KpiBench.countAll(port, database, requests, full);
            } finally {
                OneDoorLoad.stop(app);
            }
            KpiBench.analyze(database);
            Benchmark.copyDatabase(database, seeded);
        }
        full.put("endedRequests", KpiBench.count(database,
                "select count(*) from request_lifecycle where state not in ('RECEIVED', 'IN_PROGRESS')"));
        full.put("rows", KpiBench.rows(database, "service_request", "request_state_change", "request_leg",
                "leg_state_change", "tracking_event", "notification", "kpi_request", "kpi_count"));
        full.put("databaseMiB", KpiBench.count(database, "select pg_database_size(current_database()) / 1048576"));
        full.putAll(measure(database));
        System.out.println("Growth, " + requests + " requests: " + full);
        result.put("full", full);

        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("intakeP99", ratio(full, empty, "intakeMillis", "p99"));
        ratios.put("trackingP95", ratio(full, empty, "trackingMillis", "p95"));
        ratios.put("withinTwentyPercent", ratios.values().stream().allMatch(r -> (double) r <= ALLOWED));
        result.put("ratios", ratios);
        return result;
    }

    /**
     * What the citizens were told, which the dashboard's seed leaves out: an SMS and an e-mail for every news on the
     * requests' timelines, sent a minute later.
     */
    private static void seedNotifications(String database) throws SQLException {
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("insert into notification (id, tracking_number, event_id, channel, recipient, language, subject,"
                    + " body, created_at, status, attempts, next_attempt_at, sent_at) select gen_random_uuid()::text,"
                    + " e.tracking_number, e.id, c.channel, c.recipient, 'bn', c.subject, 'ODSC: request '"
                    + " || e.tracking_number || ' received. Track it with the code on your receipt.', e.occurred_at,"
                    + " 'SENT', 1, e.occurred_at, e.occurred_at + interval '1 minute' from tracking_event e cross join"
                    + " (values ('SMS', '01712345678', null), ('EMAIL', 'applicant@example.org', 'Your request'))"
                    + " as c(channel, recipient, subject)");
            System.out.printf("seeded in %.1f s: notifications%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** One OneDoor on {@code database}: filings and tracking at their rates, warm-up first. */
    private static Map<String, Object> measure(String database) throws Exception {
        int port = OneDoorLoad.freePort();
        Process app = OneDoorLoad.start("onedoor-growth", "-Xmx1g", "org.onedoor.OneDoorApplication",
                KpiBench.args(port, database, true));
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            OneDoorLoad.awaitHealthy(port);
            RestTemplate http = new RestTemplate();
            String base = "http://127.0.0.1:" + port;
            List<MultiValueMap<String, Object>> examples = SERVICES.stream().map(OneDoorClient::example).toList();
            List<JsonNode> filed = Collections.synchronizedList(new ArrayList<>());
            Callable<Object> file = () -> {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                headers.setBasicAuth("frontdesk", "demo");
                MultiValueMap<String, Object> filing = OneDoorClient.paidIfDue(
                        examples.get(ThreadLocalRandom.current().nextInt(examples.size())));
                filed.add(http.postForObject(base + "/api/requests", new HttpEntity<>(filing, headers), JsonNode.class));
                return null;
            };
            Callable<Object> track = () -> {
                JsonNode receipt = filed.get(ThreadLocalRandom.current().nextInt(filed.size()));
                return http.getForObject(base + "/api/track/{number}?code={code}", JsonNode.class,
                        receipt.path("trackingNumber").asText(), receipt.path("trackingCode").asText());
            };
            file.call(); // tracking needs one receipt from the start
            together(file, track, WARM_UP_SECONDS);
            // What autovacuum would do once the run's instances fill the engine's tables: on statistics taken while
            // they were empty, the planner reads act_ru_execution whole for each step.
            KpiBench.analyze(database);
            try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                    Benchmark.PG_PASSWORD); Statement s = sql.createStatement()) {
                s.execute("select pg_stat_reset()");
            }
            // The machine is shared: how busy it was says how far the two runs compare.
            String loadBefore = loadAverage();
            List<List<Long>> measured = together(file, track, SECONDS);
            result.put("loadAverage1min", Map.of("before", loadBefore, "after", loadAverage()));
            result.put("intakeMillis", Load.percentiles(measured.get(0)));
            result.put("trackingMillis", Load.percentiles(measured.get(1)));
        } finally {
            OneDoorLoad.stop(app);
        }
        // Its connections have ended and reported their statistics.
        result.put("rowsReadBySequentialScans", sequentialScans(database));
        return result;
    }

    /** Filings and tracking calls side by side for {@code seconds}; their latencies in nanoseconds. */
    private static List<List<Long>> together(Callable<Object> file, Callable<Object> track, int seconds)
            throws Exception {
        CompletableFuture<List<Long>> tracking = CompletableFuture.supplyAsync(() -> {
            try {
                return atRate(TRACKING_PER_SECOND, seconds, track);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        List<Long> intake = atRate(FILINGS_PER_SECOND, seconds, file);
        return List.of(intake, tracking.get());
    }

    /** Calls {@code call} {@code perSecond} times a second for {@code seconds}, whatever the answers take. */
    private static List<Long> atRate(double perSecond, int seconds, Callable<Object> call) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Exception> failed = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        for (long due = start; due < start + TimeUnit.SECONDS.toNanos(seconds); due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    call.call();
                    latencies.add(System.nanoTime() - t0);
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        if (failed.get() != null) {
            throw new IllegalStateException("a call failed; see target/bench/onedoor-growth.log", failed.get());
        }
        return latencies;
    }

    private static String loadAverage() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** Tables whose rows sequential scans read since the statistics were reset, most first. */
    private static Map<String, Long> sequentialScans(String database) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                Benchmark.PG_PASSWORD); Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery("select relname, seq_tup_read from pg_stat_user_tables"
                        + " where seq_tup_read > 0 order by seq_tup_read desc limit 10")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    private static double ratio(Map<String, Object> full, Map<String, Object> empty, String figure, String percentile) {
        double f = (double) ((Map<?, ?>) full.get(figure)).get(percentile);
        double e = (double) ((Map<?, ?>) empty.get(figure)).get(percentile);
        return Benchmark.round(f / e);
    }
}
