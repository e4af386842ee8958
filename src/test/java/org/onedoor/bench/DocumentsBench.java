package org.onedoor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.OneDoorClient;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

/**
 * Documents through intake of a OneDoor started with {@code -Xmx256m} on PostgreSQL (the database store): upload
 * throughput for 1 MB and 100 MB deeds beside the raw ceilings measured in the same run (the JDK's SHA-256 over
 * memory, a disk write with fsync), then a 1 GiB deed with its peak heap and RSS and the intake latency of
 * ordinary filings at one a second meanwhile. The catalogue is the demo's with the deed allowed up to 2 GB.
 */
final class DocumentsBench {

    private static final String BOUNDARY = "bench-boundary";

    private DocumentsBench() {
    }

    static Map<String, Object> run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rawSha256MBps", rawSha256());
        result.put("rawDiskWriteMBps", rawDiskWrite());

        String database = Benchmark.freshDatabase("onedoor_bench_documents");
        int port = OneDoorLoad.freePort();
        List<String> args = new ArrayList<>(List.of(OneDoorLoad.oneDoorArgs(port, database,
                Path.of("connectors").toAbsolutePath())));
        args.addAll(List.of("--onedoor.processes.location=file:" + processesWithLargeDeeds() + "/",
                "--onedoor.documents.max-document-size=2GB", "--onedoor.documents.max-request-size=3GB"));
        Process app = OneDoorLoad.start("onedoor-documents", "-Xmx256m", "org.onedoor.OneDoorApplication",
                args.toArray(String[]::new));
        try {
            OneDoorLoad.awaitHealthy(port);
            upload(port, 1 << 20); // warm-up
            result.put("upload1MB", throughput(port, 1_000_000, 20));
            result.put("upload100MB", throughput(port, 100_000_000, 3));

            AtomicBoolean uploading = new AtomicBoolean(true);
            AtomicLong peakHeap = new AtomicLong();
            ExecutorService background = Executors.newFixedThreadPool(2);
            Future<List<Long>> intake = background.submit(() -> filingsMeanwhile(port, uploading));
            background.submit(() -> pollHeap(port, uploading, peakHeap));
            long t0 = System.nanoTime();
            String status = upload(port, 1L << 30);
            double seconds = (System.nanoTime() - t0) / 1e9;
            uploading.set(false);
            Map<String, Object> big = new LinkedHashMap<>();
            big.put("status", status);
            big.put("seconds", Benchmark.round(seconds));
            big.put("MBps", Benchmark.round((1L << 30) / 1e6 / seconds));
            big.put("peakHeapMiB", peakHeap.get() >> 20);
            big.put("peakRssMiB", OneDoorLoad.peakRssMiB(app.pid()));
            big.put("heapLimit", "256m");
            big.put("intakeMeanwhileMillis", Load.percentiles(intake.get()));
            background.shutdownNow();
            result.put("upload1GiB", big);
            System.out.println("Documents: " + result);
            return result;
        } finally {
            OneDoorLoad.stop(app);
        }
    }

    /** The JDK's SHA-256 over 512 MiB in memory, in 1 MiB blocks: the hashing ceiling. */
    private static double rawSha256() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        new java.util.Random(1).nextBytes(block);
        for (int i = 0; i < 64; i++) {
            sha.update(block);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 512; i++) {
            sha.update(block);
        }
        sha.digest();
        return Benchmark.round(512 * (double) (1 << 20) / 1e6 / ((System.nanoTime() - t0) / 1e9));
    }

    /** 1 GiB written to a file in 1 MiB blocks and forced to disk: the storage ceiling of this machine. */
    private static double rawDiskWrite() throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "disk", ".bin");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
            long t0 = System.nanoTime();
            for (int i = 0; i < 1024; i++) {
                block.clear();
                out.write(block);
            }
            out.force(true);
            return Benchmark.round((1L << 30) / 1e6 / ((System.nanoTime() - t0) / 1e9));
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, Object> throughput(int port, long size, int times) throws IOException {
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            String status = upload(port, size + i);
            if (!status.equals("201")) {
                throw new IllegalStateException("upload of " + size + " bytes: " + status);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uploads", times);
        row.put("MBps", Benchmark.round(size * (double) times / 1e6 / seconds));
        row.put("secondsEach", Benchmark.round(seconds / times));
        return row;
    }

    /**
     * A land mutation filing whose deed is {@code size} bytes (a PDF header, then zeros: each size a new digest),
     * streamed from memory in 64 KiB chunks; the HTTP status, or what ended the connection.
     */
    static String upload(int port, long size) throws IOException {
        HttpURLConnection post = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/requests").toURL()
                .openConnection();
        post.setDoOutput(true);
        post.setChunkedStreamingMode(1 << 16);
        post.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "frontdesk:demo".getBytes(StandardCharsets.UTF_8)));
        post.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        Path examples = Path.of("docs/examples/land-mutation");
        try (OutputStream out = post.getOutputStream()) {
            part(out, "request", "request.json", "application/json", Files.readAllBytes(examples.resolve("request.json")));
            part(out, "khatian", "khatian.pdf", "application/pdf", Files.readAllBytes(examples.resolve("khatian.pdf")));
            part(out, "national-id", "national-id.pdf", "application/pdf",
                    Files.readAllBytes(examples.resolve("national-id.pdf")));
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deed\"; filename=\"deed.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] head = ("%PDF-1.4\n% " + size + "\n").getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            byte[] chunk = new byte[1 << 16];
            for (long written = head.length; written < size; ) {
                int n = (int) Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                written += n;
            }
            out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            int status = post.getResponseCode();
            try (InputStream body = status < 400 ? post.getInputStream() : post.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return String.valueOf(status);
        } catch (IOException e) {
            return "connection closed: " + e.getMessage();
        }
    }

    private static void part(OutputStream out, String name, String file, String type, byte[] content) throws IOException {
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** The allowance example filed once a second while the large upload runs: each filing's latency. */
    private static List<Long> filingsMeanwhile(int port, AtomicBoolean uploading) throws InterruptedException {
        RestTemplate http = new RestTemplate();
        MultiValueMap<String, Object> filing = OneDoorClient.example("social-safety-net-allowance");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth("frontdesk", "demo");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Thread.sleep(2_000); // into the upload
        while (uploading.get()) {
            long t0 = System.nanoTime();
            http.postForObject("http://127.0.0.1:" + port + "/api/requests", new HttpEntity<>(filing, headers),
                    JsonNode.class);
            latencies.add(System.nanoTime() - t0);
            Thread.sleep(Math.max(0, 1_000 - (System.nanoTime() - t0) / 1_000_000));
        }
        return latencies;
    }

    /** The heap in use, from the actuator (administrator), every 200 ms: the highest seen. */
    private static Void pollHeap(int port, AtomicBoolean uploading, AtomicLong peak) throws Exception {
        RestTemplate http = new RestTemplate();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "demo");
        while (uploading.get()) {
            JsonNode used = http.exchange("http://127.0.0.1:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap",
                    org.springframework.http.HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
            peak.accumulateAndGet(used.path("measurements").get(0).path("value").asLong(), Math::max);
            Thread.sleep(200);
        }
        return null;
    }

    /** The demo's processes/, with the land mutation's deed allowed up to 2 GB. */
    private static Path processesWithLargeDeeds() throws IOException {
        Path target = Path.of("target/bench/processes-large-deeds").toAbsolutePath();
        Path source = Path.of("processes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path service = target.resolve("services/land-mutation/service.yaml");
        String yaml = Files.readString(service);
        String deed = yaml.substring(yaml.indexOf("- kind: deed"));
        String changed = deed.replaceFirst("maxSize: \\S+", "maxSize: 2GB");
        Files.writeString(service, yaml.replace(deed, changed));
        return target;
    }
}
