package org.onedoor.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.onedoor.packet.PacketBenchmark;

/**
 * One run, one machine: OneDoor end to end on PostgreSQL with the simulator in its own process, on one node and on
 * two; the bare Camunda engine on the same server running OneDoor's own process files (same shape) with OneDoor's
 * settings and with Camunda's defaults, and the earlier lighter shape; statements counted on every side
 * ({@link CountingDriver}); the fastest crypto beside OneDoor's signing; the task list at 100 000 and 1 000 000
 * open tasks, a 1 GiB document under {@code -Xmx256m}, the escalation of 100 000 late tasks at once, and the
 * supervisors' dashboard at 1 000 000 requests. {@code ./mvnw -Pbench verify}; settings
 * {@code -Dbench.clients=16 -Dbench.load.seconds=45 -Dbench.load.warmup=120 -Dbench.escalation.tasks=100000}, and
 * {@code -Dbench.only=load} (crypto, OneDoor, the engines), {@code onedoor}, {@code growth}, {@code escalation}, {@code documents}
 * or {@code kpi} ({@code -Dbench.kpi.requests=1000000 -Dbench.kpi.reuse=true}) for that part alone
 * ({@code target/bench/<part>.json}); PostgreSQL from {@code ONEDOOR_BENCH_PG_URL} (default the local server, user
 * {@code postgres}). Writes {@code target/bench/bench.json}.
 */
public final class Benchmark {

    static final String PG_URL = env("ONEDOOR_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String PG_USER = env("ONEDOOR_BENCH_PG_USER", "postgres");
    static final String PG_PASSWORD = env("ONEDOOR_BENCH_PG_PASSWORD", "");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Logback's default (no configuration here) is DEBUG for everything: the engines would mostly log.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.load.seconds", 45);
        int warmUp = Integer.getInteger("bench.load.warmup", 120);
        long started = System.nanoTime();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", LocalDate.now().toString());
        report.put("machine", machine());
        int escalationTasks = Integer.getInteger("bench.escalation.tasks", 100_000);
        if ("escalation".equals(System.getProperty("bench.only"))) {
            report.put("escalation", EscalationBench.run(escalationTasks));
            write(report, "escalation.json");
            return;
        }
        int kpiRequests = Integer.getInteger("bench.kpi.requests", 1_000_000);
        if ("kpi".equals(System.getProperty("bench.only"))) {
            report.put("kpi", KpiBench.run(kpiRequests));
            write(report, "kpi.json");
            return;
        }
        if ("documents".equals(System.getProperty("bench.only"))) {
            report.put("documents", DocumentsBench.run());
            write(report, "documents.json");
            return;
        }
        int growthRequests = Integer.getInteger("bench.growth.requests", 1_000_000);
        if ("growth".equals(System.getProperty("bench.only"))) {
            report.put("growth", GrowthBench.run(growthRequests));
            write(report, "growth.json");
            return;
        }
        report.put("settings", Map.of("clients", clients, "seconds", seconds, "warmUpSeconds", warmUp,
                "oneDoorHeap", "1g", "simulatorHeap", "384m"));

        System.setProperty("bench.warmup", System.getProperty("bench.crypto.warmup", "5"));
        System.setProperty("bench.seconds", System.getProperty("bench.crypto.seconds", "4"));
        List<Map<String, Object>> crypto = PacketBenchmark.measure(1024, 1024 * 1024);
        report.put("crypto", crypto);

        Map<String, Object> oneDoor = OneDoorLoad.run(clients, warmUp, seconds, 1);
        report.put("onedoor", oneDoor);
        System.out.println("OneDoor: " + oneDoor);
        if ("onedoor".equals(System.getProperty("bench.only"))) {
            write(report, "onedoor.json");
            return;
        }
        Map<String, Object> same = EngineCeiling.inOwnJvm(freshDatabase("onedoor_bench_engine"), true, true, clients, warmUp, seconds);
        System.out.println("Engine, same shape, OneDoor's settings: " + same);
        Map<String, Object> stock = EngineCeiling.inOwnJvm(freshDatabase("onedoor_bench_stock"), false, true, clients, warmUp, seconds);
        System.out.println("Engine, same shape, Camunda's defaults: " + stock);
        Map<String, Object> light = EngineCeiling.inOwnJvm(freshDatabase("onedoor_bench_light"), true, false, clients, warmUp, seconds);
        System.out.println("Engine, lighter shape, OneDoor's settings: " + light);
        Map<String, Object> twoNodes = OneDoorLoad.run(clients, warmUp, seconds, 2);
        System.out.println("OneDoor, two nodes: " + twoNodes);
        report.put("onedoorTwoNodes", twoNodes);
        report.put("engineCeiling", Map.of("shape", EngineCeiling.describe(), "sameShape", same, "sameShapeStock", stock,
                "lighterShape", light));
        report.put("ratios", ratios(oneDoor, twoNodes, same, stock, light, crypto.get(0)));
        if ("load".equals(System.getProperty("bench.only"))) {
            write(report, "load.json");
            return;
        }
        report.put("taskList", TaskListBench.run(freshDatabase("onedoor_bench_tasks")));
        report.put("documents", DocumentsBench.run());
        report.put("escalation", EscalationBench.run(escalationTasks));
        report.put("kpi", KpiBench.run(kpiRequests));
        report.put("growth", GrowthBench.run(growthRequests));
        report.put("harnessSeconds", round((System.nanoTime() - started) / 1e9));

        write(report, "bench.json");
    }

    private static void write(Map<String, Object> report, String file) throws java.io.IOException {
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(out.resolve(file), json);
        System.out.println(json);
        System.out.println("Written to " + out.resolve(file));
    }

    /**
     * Issue 17's targets: CPU per request at most twice the same-shape engine's plus the ceiling cost of the
     * signatures OneDoor made and checked per request; throughput at least half the same-shape engine's; statements
     * per save point at most the engine's plus 2; every request ended.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ratios(Map<String, Object> oneDoor, Map<String, Object> twoNodes, Map<String, Object> same,
            Map<String, Object> stock, Map<String, Object> light, Map<String, Object> crypto) {
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> signatures = (Map<String, Object>) oneDoor.get("signaturesPerRequest");
        double signatureMillis = 1000 * ((double) signatures.get("signed") / (double) crypto.get("ceilingSignsPerSecond")
                + (double) signatures.get("verified") / (double) crypto.get("ceilingVerifiesPerSecond"));
        r.put("signatureCeilingMillisPerRequest", round(signatureMillis));
        // CPU with everything the processes did in the window, and without their JIT compilers' (which a server
        // running for days has long finished: the steady state).
        for (String cpu : List.of("cpuMillisPerRequest", "cpuMillisPerRequestWithoutJit")) {
            String suffix = cpu.endsWith("WithoutJit") ? "WithoutJit" : "";
            double odCpu = number(oneDoor.get(cpu));
            double engineCpu = number(same.get(cpu));
            double cpuTarget = 2 * engineCpu + signatureMillis;
            r.put("cpuPerRequestOneDoorOverSameShapeEngine" + suffix, round(odCpu / engineCpu));
            r.put("cpuPerRequestOneDoorOverLighterEngine" + suffix, round(odCpu / number(light.get(cpu))));
            r.put("cpuTargetMillis" + suffix, round(cpuTarget));
            r.put("cpuTargetMet" + suffix, odCpu <= cpuTarget);
            r.put("cpuPerRequestTwoNodesOverOne" + suffix, round(number(twoNodes.get(cpu)) / odCpu));
        }
        double throughput = number(oneDoor.get("throughputPerSecond")) / number(same.get("throughputPerSecond"));
        r.put("throughputOneDoorOverSameShapeEngine", round(throughput));
        r.put("throughputOneDoorOverLighterEngine",
                round(number(oneDoor.get("throughputPerSecond")) / number(light.get("throughputPerSecond"))));
        r.put("throughputTargetMet", throughput >= 0.5);
        double odStatements = number(((Map<String, Object>) oneDoor.get("statements")).get("perCommit"));
        double engineStatements = number(((Map<String, Object>) same.get("statements")).get("perCommit"));
        r.put("statementsPerSavePointOverEngine", round(odStatements - engineStatements));
        r.put("statementsTargetMet", odStatements <= engineStatements + 2);
        r.put("unended", oneDoor.get("failures"));
        r.put("engineTunedOverStock", round(number(same.get("throughputPerSecond")) / number(stock.get("throughputPerSecond"))));
        return r;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A JDBC URL to {@code database} through {@link CountingDriver}. */
    static String countedUrl(String database) {
        return "jdbc:counted:" + PG_URL.substring("jdbc:".length()) + database;
    }

    /**
     * Statements per request and per save point (a commit: a Camunda command or job, an HTTP call's transaction)
     * from a process's {@link CountingDriver} counts, over {@code ended} requests.
     */
    static Map<String, Object> statements(Map<String, Long> counts, Object ended) {
        Map<String, Object> s = new LinkedHashMap<>();
        long total = 0;
        for (String kind : List.of("select", "insert", "update", "delete", "other")) {
            total += counts.get(kind);
            s.put(kind + "PerRequest", perRequest(counts.get(kind), ended));
        }
        s.put("perRequest", perRequest(total, ended));
        s.put("roundTripsPerRequest", perRequest(counts.get("roundTrips"), ended));
        s.put("commitsPerRequest", perRequest(counts.get("commits"), ended));
        s.put("rollbacksPerRequest", perRequest(counts.get("rollbacks"), ended));
        s.put("perCommit", counts.get("commits") == 0 ? null : round(total / (double) counts.get("commits")));
        return s;
    }

    private static Map<String, Object> machine() throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (double) (1L << 30)));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try (Connection c = DriverManager.getConnection(PG_URL + "postgres", PG_USER, PG_PASSWORD);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            m.put("postgresql", rs.getString(1));
        }
        return m;
    }

    /**
     * Rows inserted, updated and deleted in a database so far (PostgreSQL's statistics): a noise-free measure of
     * the work per request, read before and after a run. Reads do not count, so polling for results does not
     * disturb it.
     */
    static long rowsWritten(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL + database, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
            try (ResultSet rs = s.executeQuery("select tup_inserted + tup_updated + tup_deleted from pg_stat_database "
                    + "where datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Double perRequest(long rows, Object ended) {
        return ended instanceof Number n && n.intValue() > 0 ? round(rows / n.doubleValue()) : null;
    }

    /** Drops and creates a database on the benchmark's server; returns its name. */
    static String freshDatabase(String name) throws SQLException {
        return copyDatabase(null, name);
    }

    /** A new database {@code name}, empty or a copy of {@code template} (which nobody may be connected to). */
    static String copyDatabase(String template, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL + "postgres", PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + (template == null ? "" : " template " + template));
        }
        return name;
    }

    static boolean databaseExists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL + "postgres", PG_USER, PG_PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return rs.next();
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
