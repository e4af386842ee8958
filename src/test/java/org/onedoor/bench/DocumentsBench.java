package org.onedoor.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.LargeUpload;
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
        args.addAll(List.of("--onedoor.processes.location=file:"
                        + LargeUpload.processesWithLargeDeeds(Path.of("target/bench/processes-large-deeds").toAbsolutePath()) + "/",
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

    private static String upload(int port, long size) throws IOException {
        return LargeUpload.file(port, size).status();
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
}
