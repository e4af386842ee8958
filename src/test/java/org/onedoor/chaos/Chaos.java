package org.onedoor.chaos;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The reliability harness: races, crashes, two nodes and an outage, each on a fresh PostgreSQL database with OneDoor
 * and the ministry simulator in JVMs of their own. {@code ./mvnw -Pchaos verify}; settings {@code -Dchaos.clients=16
 * -Dchaos.races.requests=240 -Dchaos.crashes=100 -Dchaos.nodes.seconds=120 -Dchaos.outage.seconds=300
 * -Dchaos.settle.seconds=120 -Dchaos.scenarios=races,crashes,nodes,outage}; PostgreSQL from
 * {@code ONEDOOR_CHAOS_PG_URL} (default the local server, user {@code postgres}). Writes
 * {@code target/chaos/chaos.json} and {@code docs/reliability.md}; the processes' logs are beside the JSON.
 */
public final class Chaos {

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        // HttpURLConnection resends a POST whose connection broke, once, silently: a killed node's filing would be
        // filed again on the restarted one. The front desk sends each filing once.
        System.setProperty("sun.net.http.retryPost", "false");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int clients = Integer.getInteger("chaos.clients", 16);
        int requests = Integer.getInteger("chaos.races.requests", 240);
        int crashes = Integer.getInteger("chaos.crashes", 100);
        int nodeSeconds = Integer.getInteger("chaos.nodes.seconds", 120);
        int outageSeconds = Integer.getInteger("chaos.outage.seconds", 300);
        int settle = Integer.getInteger("chaos.settle.seconds", 120);
        List<String> scenarios = List.of(System.getProperty("chaos.scenarios", "races,crashes,nodes,outage").split(","));
        long started = System.nanoTime();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("clients", clients);
        settings.put("racesRequests", requests);
        settings.put("crashes", crashes);
        settings.put("nodesSeconds", nodeSeconds);
        settings.put("outageSeconds", outageSeconds);
        settings.put("settleSeconds", settle);
        settings.put("scenarios", scenarios);

        Map<String, Object> machine = machine();
        Path page = Path.of("docs/reliability.md");
        String previous = Files.exists(page) ? Files.readString(page) : "";
        List<Section> sections = new ArrayList<>();
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (String scenario : scenarios) {
            long scenarioStarted = System.nanoTime();
            Section section = switch (scenario.trim()) {
                case "races" -> Races.run(requests, clients, settle);
                case "crashes" -> Crashes.run(crashes, clients, settle);
                case "nodes" -> TwoNodes.run(nodeSeconds, clients, settle);
                case "outage" -> Outage.run(outageSeconds, clients, settle);
                default -> throw new IllegalArgumentException("No scenario '" + scenario + "': races, crashes, nodes, outage");
            };
            System.out.println(section.title + ": " + (section.met() ? "every target met" : "targets missed"));
            sections.add(section);
            seconds.put(section.title, Math.round((System.nanoTime() - scenarioStarted) / 1e9));
            // Written after each scenario: a later one that fails leaves the earlier figures.
            write(machine, settings, sections, seconds, previous, Math.round((System.nanoTime() - started) / 1e9));
        }
        System.out.println("Written to target/chaos/chaos.json and docs/reliability.md");
    }

    private static void write(Map<String, Object> machine, Map<String, Object> settings, List<Section> sections,
            Map<String, Long> secondsBySection, String previous, long seconds) throws java.io.IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", LocalDate.now().toString());
        report.put("machine", machine);
        report.put("settings", settings);
        Map<String, Object> results = new LinkedHashMap<>();
        for (Section s : sections) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("met", s.met());
            r.put("rows", s.rows);
            r.put("notes", s.notes);
            r.putAll(s.figures);
            results.put(s.title, r);
        }
        report.put("scenarios", results);
        report.put("harnessSeconds", seconds);
        Path out = Files.createDirectories(Path.of("target/chaos"));
        Files.writeString(out.resolve("chaos.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        Files.writeString(Path.of("docs/reliability.md"),
                ReliabilityPage.render(report, settings, sections, secondsBySection, previous));
    }

    private static Map<String, Object> machine() throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (double) (1L << 30) * 10) / 10.0);
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try (Connection c = DriverManager.getConnection(Rig.PG_URL + "postgres", Rig.PG_USER, Rig.PG_PASSWORD);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            m.put("postgresql", rs.getString(1));
        }
        return m;
    }
}
