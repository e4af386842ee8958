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
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.onedoor.packet.PacketBenchmark;

/**
 * One run, one machine: OneDoor end to end on PostgreSQL with the simulator in its own process, the bare
 * Camunda engine on the same server with OneDoor's settings and with Camunda's defaults, the raw crypto beside
 * OneDoor's signing, the task list at 100 000 and 1 000 000 open tasks, and a 1 GiB document under
 * {@code -Xmx256m}, the escalation of 100 000 late tasks at once, and the supervisors' dashboard at 1 000 000
 * requests. {@code ./mvnw -Pbench verify}; settings
 * {@code -Dbench.clients=16 -Dbench.load.seconds=45 -Dbench.load.warmup=15 -Dbench.escalation.tasks=100000}, and
 * {@code -Dbench.only=escalation}, {@code documents} or {@code kpi} ({@code -Dbench.kpi.requests=1000000
 * -Dbench.kpi.reuse=true}) for that part alone ({@code target/bench/<part>.json}); PostgreSQL from {@code ONEDOOR_BENCH_PG_URL} (default the local server, user
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
        int warmUp = Integer.getInteger("bench.load.warmup", 15);
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

        System.setProperty("bench.warmup", System.getProperty("bench.crypto.warmup", "2"));
        System.setProperty("bench.seconds", System.getProperty("bench.crypto.seconds", "4"));
        report.put("crypto", PacketBenchmark.measure(1024, 1024 * 1024));

        Map<String, Object> oneDoor = OneDoorLoad.run(clients, warmUp, seconds);
        report.put("onedoor", oneDoor);
        System.out.println("OneDoor: " + oneDoor);
        Map<String, Object> tuned = EngineCeiling.inOwnJvm(PG_URL + freshDatabase("onedoor_bench_engine"), true, clients, warmUp, seconds);
        System.out.println("Engine, OneDoor's settings: " + tuned);
        Map<String, Object> stock = EngineCeiling.inOwnJvm(PG_URL + freshDatabase("onedoor_bench_stock"), false, clients, warmUp, seconds);
        System.out.println("Engine, Camunda's defaults: " + stock);
        report.put("engineCeiling", Map.of("shape", EngineCeiling.describe(), "tuned", tuned, "stock", stock));
        report.put("ratios", ratios(oneDoor, tuned, stock));
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ratios(Map<String, Object> oneDoor, Map<String, Object> tuned, Map<String, Object> stock) {
        Map<String, Object> r = new LinkedHashMap<>();
        Object odCpu = oneDoor.get("cpuMillisPerRequest");
        Object engineCpu = tuned.get("cpuMillisPerRequest");
        if (odCpu instanceof Double o && engineCpu instanceof Double e && e > 0) {
            r.put("cpuPerRequestOneDoorOverEngine", round(o / e));
        }
        r.put("throughputOneDoorOverEngine", round((double) oneDoor.get("throughputPerSecond") / (double) tuned.get("throughputPerSecond")));
        r.put("engineTunedOverStock", round((double) tuned.get("throughputPerSecond") / (double) stock.get("throughputPerSecond")));
        r.put("throughputOneDoorOverStockEngine", round((double) oneDoor.get("throughputPerSecond") / (double) stock.get("throughputPerSecond")));
        return r;
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
