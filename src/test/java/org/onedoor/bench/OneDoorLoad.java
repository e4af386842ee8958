package org.onedoor.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.OneDoorClient;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

/**
 * OneDoor as it runs in production, in a process of its own on PostgreSQL, with the ministry simulator in
 * another process answering at once, every MDA of the three services reached system to system (the demo's
 * tasklist MDAs are switched to REST or SOAP in a copy of {@code connectors/}). Front-desk clients file the
 * services' examples in a closed loop; a request ends when its final status is on its timeline.
 */
public final class OneDoorLoad {

    private static final List<String> SERVICES = List.of("trade-licence", "land-mutation", "social-safety-net-allowance");

    private OneDoorLoad() {
    }

    /**
     * {@code nodes} OneDoor processes on one database, the clients' filings spread over them; the simulator answers
     * to the first (every node's job executor takes the shared jobs). CPU is all nodes' together.
     */
    static Map<String, Object> run(int clients, int warmUp, int seconds, int nodes) throws Exception {
        String database = Benchmark.freshDatabase("onedoor_bench");
        int simulatorPort = freePort();
        int[] ports = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            ports[i] = freePort();
        }
        Path connectors = connectors(Path.of("target/bench/connectors").toAbsolutePath(), simulatorPort);
        Process simulator = start("simulator", "-Xmx384m", "org.onedoor.simulator.SimulatorApplication",
                "--server.port=" + simulatorPort, "--onedoor.simulator.one-door-url=http://127.0.0.1:" + ports[0],
                "--onedoor.simulator.decision-delay=0ms", "--logging.level.org.onedoor=WARN");
        List<Process> apps = new ArrayList<>();
        List<Path> statements = new ArrayList<>();
        Map<String, Object> result;
        long rowsBefore;
        Map<String, Long> statementsBefore;
        Map<String, Long> signaturesBefore;
        try {
            for (int i = 0; i < nodes; i++) {
                // Statements are counted by CountingDriver in front of PostgreSQL's driver; -Dbench.profile=true
                // records the first node with Java Flight Recorder (target/bench/onedoor.jfr).
                String name = nodes == 1 ? "onedoor" : "onedoor-node-" + (i + 1);
                statements.add(Path.of("target/bench", name + ".statements"));
                String jvm = "-Xmx1g -Dbench.statements.file=" + statements.get(i) + (i == 0 && Boolean.getBoolean("bench.profile")
                        ? " -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=target/bench/onedoor.jfr,settings=profile" : "");
                List<String> args = new ArrayList<>(List.of(oneDoorArgs(ports[i], database, connectors)));
                args.replaceAll(arg -> arg.startsWith("--spring.datasource.url=")
                        ? "--spring.datasource.url=" + Benchmark.countedUrl(database) : arg);
                args.add("--spring.datasource.driver-class-name=" + CountingDriver.class.getName());
                apps.add(start(name, jvm, "org.onedoor.OneDoorApplication", args.toArray(String[]::new)));
                awaitHealthy(ports[i]); // one after the other: the first migrates the schema and deploys
            }
            Thread.sleep(11_000); // idle connections report their statistics after 10 s: start from a settled count
            rowsBefore = Benchmark.rowsWritten(database);
            statementsBefore = counted(statements);
            signaturesBefore = signatures(database);
            RestTemplate http = new RestTemplate();
            List<MultiValueMap<String, Object>> filings = SERVICES.stream().map(OneDoorClient::example).toList();
            Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
            Thread poller = poller(database, waiting);
            Load load = new Load(clients, key -> {
                int n = Math.abs(key.hashCode());
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                headers.setBasicAuth("frontdesk", "demo");
                JsonNode filed = http.postForObject("http://127.0.0.1:" + ports[n % nodes] + "/api/requests",
                        new HttpEntity<>(OneDoorClient.paidIfDue(filings.get(n % filings.size())), headers), JsonNode.class);
                String number = filed.path("trackingNumber").asText();
                return waiting.computeIfAbsent(number, k -> new CountDownLatch(1));
            });
            long simulatorCpu = Load.cpuNanos(simulator.pid())[0];
            result = load.run(warmUp, seconds, apps.stream().mapToLong(Process::pid).toArray());
            poller.interrupt();
            result.put("nodes", nodes);
            result.put("deliveryMillis", deliveryLatency(database));
            result.put("simulatorCpuSecondsWholeRun", Benchmark.round((Load.cpuNanos(simulator.pid())[0] - simulatorCpu) / 1e9));
            result.put("intakeAtHalfThroughputMillis", halfRate(ports[0], filings, http,
                    (double) result.get("throughputPerSecond") / 2, seconds));
        } finally {
            for (Process app : apps) {
                stop(app);
            }
            stop(simulator);
        }
        // Ended backends have reported all their statistics.
        int requests = (int) result.get("endedIncludingWarmUp")
                + (int) ((Map<?, ?>) result.get("intakeAtHalfThroughputMillis")).get("filings");
        result.put("rowsWrittenPerRequest", Benchmark.perRequest(Benchmark.rowsWritten(database) - rowsBefore, requests));
        Map<String, Long> counted = counted(statements);
        counted.replaceAll((kind, n) -> n - statementsBefore.get(kind));
        result.put("statements", Benchmark.statements(counted, requests));
        Map<String, Long> signed = signatures(database);
        result.put("signaturesPerRequest", Map.of(
                "signed", Benchmark.perRequest(signed.get("out") - signaturesBefore.get("out"), requests),
                "verified", Benchmark.perRequest(signed.get("in") - signaturesBefore.get("in"), requests)));
        return result;
    }

    /** The nodes' statement counts together. */
    private static Map<String, Long> counted(List<Path> files) throws IOException {
        Map<String, Long> total = new LinkedHashMap<>();
        for (Path file : files) {
            CountingDriver.read(file).forEach((kind, n) -> total.merge(kind, n, Long::sum));
        }
        return total;
    }

    /**
     * Packets OneDoor signed ({@code out}) and verified ({@code in}) so far: its message log keeps every one, the
     * citizens' receipts included.
     */
    private static Map<String, Long> signatures(String database) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("in", 0L, "out", 0L));
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER, Benchmark.PG_PASSWORD);
                Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery("select direction, count(*) from message_log group by direction")) {
            while (rs.next()) {
                counts.put(rs.getString(1).trim().toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        return counts;
    }

    /**
     * Intake latency with filings arriving at a fixed rate, half the closed loop's throughput, for {@code seconds}
     * (open loop: a late answer does not slow the arrivals).
     */
    private static Map<String, Object> halfRate(int port, List<MultiValueMap<String, Object>> filings, RestTemplate http,
            double perSecond, int seconds) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        long interval = (long) (1e9 / Math.max(0.1, perSecond));
        long start = System.nanoTime();
        int n = 0;
        for (long due = start; due < start + TimeUnit.SECONDS.toNanos(seconds); due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            MultiValueMap<String, Object> filing = OneDoorClient.paidIfDue(filings.get(n++ % filings.size()));
            pool.execute(() -> {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                headers.setBasicAuth("frontdesk", "demo");
                long t0 = System.nanoTime();
                http.postForObject("http://127.0.0.1:" + port + "/api/requests", new HttpEntity<>(filing, headers), JsonNode.class);
                latencies.add(System.nanoTime() - t0);
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        Thread.sleep(10_000); // let their processes end too, so that the rows written count whole requests
        Map<String, Object> result = new LinkedHashMap<>(Load.percentiles(latencies));
        result.put("ratePerSecond", Benchmark.round(perSecond));
        result.put("filings", n);
        return result;
    }

    static String[] oneDoorArgs(int port, String database, Path connectors) {
        return new String[] {"--spring.profiles.active=demo", "--server.port=" + port,
                "--spring.datasource.url=" + Benchmark.PG_URL + database,
                "--spring.datasource.username=" + Benchmark.PG_USER, "--spring.datasource.password=" + Benchmark.PG_PASSWORD,
                "--onedoor.connectors.location=file:" + connectors + "/*/connector.yaml"};
    }

    /**
     * The demo connectors, written to {@code target}, with every MDA on a system (the simulator at
     * {@code simulatorPort}): tasklist ones alternate between REST and SOAP. The reliability harness runs on them too.
     */
    public static Path connectors(Path target, int simulatorPort) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(Path.of("connectors"))) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        int i = 0;
        for (Path folder : folders) {
            String mda = folder.getFileName().toString();
            Path out = Files.createDirectories(target.resolve(mda));
            String yaml = Files.readString(folder.resolve("connector.yaml"));
            String mode = yaml.contains("mode: soap") || (yaml.contains("mode: tasklist") && i++ % 2 == 1) ? "soap" : "rest";
            String endpoint = mode.equals("soap") ? "http://127.0.0.1:" + simulatorPort + "/ws/simulator/" + mda
                    : "http://127.0.0.1:" + simulatorPort + "/simulator/mda/" + mda;
            yaml = yaml.replaceAll("(?m)^mode: .*$", "mode: " + mode).replaceAll("(?m)^endpoint: .*\\n", "")
                    .replace("mode: " + mode, "mode: " + mode + "\nendpoint: " + endpoint);
            Files.writeString(out.resolve("connector.yaml"), yaml);
            Files.copy(folder.resolve(mda + ".dev.pem"), out.resolve(mda + ".dev.pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * Counts down the requests whose outcome is on their timeline, looking only for those still awaited: looking
     * past the highest id seen would miss an event whose transaction committed after a later one's.
     */
    private static Thread poller(String database, Map<String, CountDownLatch> waiting) {
        Thread poller = new Thread(() -> {
            try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER,
                    Benchmark.PG_PASSWORD); PreparedStatement ended = sql.prepareStatement(
                            "select distinct tracking_number from tracking_event where tracking_number = any(?) "
                                    + "and kind in ('APPROVED', 'REJECTED', 'WITHDRAWN', 'CANCELLED')")) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!waiting.isEmpty()) {
                        ended.setArray(1, sql.createArrayOf("varchar", waiting.keySet().toArray()));
                        try (ResultSet rs = ended.executeQuery()) {
                            while (rs.next()) {
                                CountDownLatch latch = waiting.remove(rs.getString(1));
                                if (latch != null) {
                                    latch.countDown();
                                }
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "completion-poller");
        poller.setDaemon(true);
        poller.start();
        return poller;
    }

    private static Map<String, Object> deliveryLatency(String database) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        try (Connection sql = DriverManager.getConnection(Benchmark.PG_URL + database, Benchmark.PG_USER, Benchmark.PG_PASSWORD);
                Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery("select extract(epoch from (sent_at - prepared_at)) from mda_delivery "
                        + "where sent_at is not null")) {
            while (rs.next()) {
                nanos.add((long) (rs.getDouble(1) * 1e9));
            }
        }
        return Load.percentiles(nanos);
    }

    static Process start(String name, String heap, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(heap.split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path log = Path.of("target/bench", name + ".log");
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/actuator/health")
                        .toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("OneDoor did not start on port " + port + "; see target/bench/*.log");
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Long peakRssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
