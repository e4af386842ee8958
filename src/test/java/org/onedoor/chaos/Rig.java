package org.onedoor.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.OneDoorClient;
import org.onedoor.bench.OneDoorLoad;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The processes of one scenario, much as the benchmark runs them: each OneDoor node (the packaged jar) and the
 * ministry simulator (from the test classpath) in a JVM of its own, on a fresh PostgreSQL database, every MDA
 * reached system to system through a copy of {@code connectors/}. The simulator never stops; a node is killed with SIGKILL and started again
 * on the same port and database. Logs go to {@code target/chaos/<scenario>/}, a node's restarts appended to one file.
 * <p>
 * The benchmark's helpers for this ({@code org.onedoor.bench.OneDoorLoad}) are private to its package and write
 * to {@code target/bench}: the few lines needed are here.
 */
final class Rig implements AutoCloseable {

    static final String PG_URL = env("ONEDOOR_CHAOS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String PG_USER = env("ONEDOOR_CHAOS_PG_USER", "postgres");
    static final String PG_PASSWORD = env("ONEDOOR_CHAOS_PG_PASSWORD", "");
    /** Every MDA the copied connectors reach through the simulator. */
    static final List<String> MDAS = List.of("city-corporation", "environment", "fire-service", "land-office",
            "social-services", "sub-registry");

    private final String database;
    private final Path folder;
    private final Path connectors;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> nodes = new ConcurrentHashMap<>();
    private final Process simulator;
    private final int simulatorPort;
    /** Ctrl-C on the harness takes its JVMs with it. */
    private final Thread cleanUp = new Thread(this::destroy);

    /** A fresh database and the simulator, which answers to the last of {@code nodeNames}; no node runs yet. */
    Rig(String scenario, List<String> nodeNames) throws IOException, SQLException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(cleanUp);
        this.database = freshDatabase("onedoor_chaos_" + scenario);
        this.folder = Files.createDirectories(Path.of("target/chaos", scenario)).toAbsolutePath();
        for (String node : nodeNames) {
            ports.put(node, freePort());
            Files.deleteIfExists(log(node));
        }
        this.simulatorPort = freePort();
        this.connectors = OneDoorLoad.connectors(folder.resolve("connectors"), simulatorPort);
        Files.deleteIfExists(log("simulator"));
        this.simulator = java("simulator", List.of("-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "org.onedoor.simulator.SimulatorApplication"), "--server.port=" + simulatorPort,
                "--onedoor.simulator.one-door-url=" + url(nodeNames.get(nodeNames.size() - 1)),
                "--onedoor.simulator.decision-delay=0ms",
                // A ministry's outbox keeps trying as long as a scenario lasts: through a hundred restarts OneDoor is
                // down most of the time, and 200 attempts (3 minutes) ran out for some answers.
                "--onedoor.simulator.answer-attempts=3600", "--onedoor.simulator.answer-retry-delay=1s",
                "--logging.level.org.onedoor=WARN");
        awaitHealthy(simulator, simulatorPort, "/simulator/control/arrivals");
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(PG_URL + database, PG_USER, PG_PASSWORD);
    }

    String url(String node) {
        return "http://127.0.0.1:" + ports.get(node);
    }

    Path log(String process) {
        return folder.resolve(process + ".log");
    }

    List<Path> nodeLogs() {
        return ports.keySet().stream().map(this::log).toList();
    }

    /** Starts the node (again) and returns how long it took to become healthy. */
    Duration start(String node) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=demo", "--server.port=" + ports.get(node),
                "--spring.datasource.url=" + PG_URL + database, "--spring.datasource.username=" + PG_USER,
                "--spring.datasource.password=" + PG_PASSWORD,
                "--onedoor.connectors.location=file:" + connectors + "/*/connector.yaml",
                // A job locked by a killed node is taken over after 10 s instead of 2 minutes.
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--onedoor.workflow.relay-interval=1s", "--logging.level.org.onedoor=WARN",
                // Camunda's job log names the node that ran each job.
                "--camunda.bpm.generic-properties.properties.hostname=onedoor-" + node));
        // Deliveries retried every 3 s, about a minute in all, before an incident.
        MDAS.forEach(mda -> args.add("--onedoor.connectors." + mda + ".retry-cycle=R20/PT3S"));
        Process process = java(node, List.of("-Xmx1g", "-jar", jar().toString()), args.toArray(String[]::new));
        nodes.put(node, process);
        awaitHealthy(process, ports.get(node), "/actuator/health");
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** SIGKILL, as a power cut: returns the exit status, 137 (128 + 9) when the signal did it. */
    int kill(String node) throws IOException, InterruptedException {
        Process process = nodes.remove(node);
        new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start().waitFor();
        return process.waitFor();
    }

    /** The front desk's, a citizen's and an administrator's HTTP client for the node. */
    OneDoorClient client(String node) {
        return new OneDoorClient(http(url(node)));
    }

    TestRestTemplate admin(String node) {
        return http(url(node)).withBasicAuth("admin", OneDoorClient.PASSWORD);
    }

    TestRestTemplate simulator() {
        return http("http://127.0.0.1:" + simulatorPort);
    }

    /**
     * Every packet the simulated MDA took for processing, with its id, type and tracking number. The simulator's
     * own list: what OneDoor believes it sent does not count.
     */
    List<JsonNode> taken(String mda) {
        JsonNode packets = simulator().getForObject("/simulator/control/{mda}/packets", JsonNode.class, mda);
        List<JsonNode> result = new ArrayList<>();
        packets.forEach(result::add);
        return result;
    }

    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(cleanUp);
        destroy();
    }

    private void destroy() {
        nodes.values().forEach(Process::destroyForcibly);
        if (simulator != null) {
            simulator.destroyForcibly();
        }
    }

    /**
     * HTTP/1.1 over {@code HttpURLConnection}: no pool limit (Apache's allows 5 connections per route), and the
     * harness's main turns off its silent resend of a POST whose connection broke, so a filing is sent once.
     */
    private static TestRestTemplate http(String root) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(root)
                .requestFactory(SimpleClientHttpRequestFactory.class).connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(60)));
    }

    private Process java(String name, List<String> launch, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile())).start();
    }

    private void awaitHealthy(Process process, int port, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                        .openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The process on port " + port + " did not become healthy"
                + (process.isAlive() ? "" : " (it exited with status " + process.exitValue() + ")") + "; see " + folder);
    }

    /**
     * OneDoor's packaged jar, which the build makes before the harness runs: operators start it so, and a command line
     * without the main class's name is spared by a {@code pkill -f OneDoorApplication} meant for a demo.
     */
    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("onedoor-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/onedoor-*.jar: run ./mvnw -Pchaos verify"))
                    .toAbsolutePath();
        }
    }

    private static String freshDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL + "postgres", PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Stream<String> lines(Path log) {
        try {
            // Byte for byte: a line cut by a kill may end inside a UTF-8 sequence.
            return Files.exists(log) ? Files.lines(log, StandardCharsets.ISO_8859_1) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
