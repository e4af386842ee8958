package org.onedoor.packet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.onedoor.system.Sha256;

/**
 * Packets signed and verified per second beside the raw JCA operations they are made of, in one run on one
 * machine: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.onedoor.packet.PacketBenchmark}.
 * OneDoor's side builds the manifest (digesting the document), signs it as CAdES-BES CMS, then verifies it as a
 * receiver does (canonical form, schema, signature, trust, clock, document digest, replay table). The raw side
 * is SHA-256 of the document and of a manifest-sized buffer, one ECDSA P-256 signature and its verification.
 * Writes {@code target/bench/packets.json} and prints a Markdown table for {@code docs/benchmarks.md}.
 */
public final class PacketBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 3));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 6));

    private PacketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        write(measure(1024, 1024 * 1024, 10 * 1024 * 1024));
    }

    /** For each document size: raw and OneDoor operations per second and their ratio. */
    public static List<Map<String, Object>> measure(int... sizes) {
        DataSource data = PacketFixture.database("packet-benchmark");
        CmsPacketSigner signer = PacketFixture.signer("land-office", PacketFixture.LAND);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int size : sizes) {
            byte[] document = new byte[size];
            new Random(size).nextBytes(document);

            double raw = opsPerSecond(() -> rawHashAndKeyOperations(document));
            PacketVerifier verifier = new PacketVerifier(PacketFixture.TRUST,
                    new SeenPackets(org.springframework.jdbc.core.simple.JdbcClient.create(data), java.time.Clock.systemUTC()),
                    java.time.Clock.systemUTC(), Duration.ofMinutes(5));
            double onedoor = opsPerSecond(() -> {
                Manifest manifest = manifest(document);
                verifier.verify(signer.sign(manifest), PacketFixture.digests(Map.of("document", document)), "odsc");
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("documentBytes", size);
            row.put("rawOpsPerSecond", round(raw));
            row.put("onedoorOpsPerSecond", round(onedoor));
            row.put("ratio", round(onedoor / raw));
            results.add(row);
            System.out.printf(Locale.ROOT, "%,d bytes: raw %.1f/s, OneDoor sign+verify %.1f/s, ratio %.2f%n",
                    size, raw, onedoor, onedoor / raw);
        }
        return results;
    }

    private static Manifest manifest(byte[] document) {
        return new Manifest(UUID.randomUUID(), PacketType.DECISION, "ODSC-2026-000123-7", "land-mutation", "land-office",
                "odsc", Instant.now(), Map.of("decision", "approved", "caseNumber", "AC-LAND-2026-0042"),
                List.of(new Manifest.DocumentEntry("document", "application/pdf", document.length,
                        Sha256.hex(document))));
    }

    /** The floor: what any signed exchange of this document must compute, with the JDK alone. */
    private static void rawHashAndKeyOperations(byte[] document) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] documentDigest = sha.digest(document);
            byte[] manifest = (HexFormat.of().formatHex(documentDigest) + "x".repeat(300)).getBytes();
            Signature sign = Signature.getInstance("SHA256withECDSA");
            sign.initSign(PacketFixture.LAND.keys().getPrivate());
            sign.update(manifest);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance("SHA256withECDSA");
            verify.initVerify(PacketFixture.LAND.certificate().getPublicKey());
            verify.update(manifest);
            if (!verify.verify(signature) || !MessageDigest.isEqual(documentDigest, sha.digest(document))) {
                throw new IllegalStateException("raw verification failed");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double opsPerSecond(Runnable operation) {
        run(operation, WARM_UP);
        long start = System.nanoTime();
        long ops = run(operation, MEASURE);
        return ops / ((System.nanoTime() - start) / 1e9);
    }

    private static long run(Runnable operation, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long ops = 0;
        while (System.nanoTime() < end) {
            operation.run();
            ops++;
        }
        return ops;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void write(List<Map<String, Object>> results) throws IOException {
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("memoryBytes", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize());
        report.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("warmUpSeconds", WARM_UP.toSeconds());
        report.put("measureSeconds", MEASURE.toSeconds());
        report.put("results", results);
        Files.writeString(out.resolve("packets.json"), CanonicalJson.STRICT.writerWithDefaultPrettyPrinter()
                .writeValueAsString(report));
        System.out.println("\n| document | raw hash + ECDSA sign + verify (ops/s) | OneDoor sign + verify (ops/s) | OneDoor / raw |");
        System.out.println("| ---: | ---: | ---: | ---: |");
        for (Map<String, Object> r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.0f %% |%n", size((int) r.get("documentBytes")),
                    (double) r.get("rawOpsPerSecond"), (double) r.get("onedoorOpsPerSecond"), 100 * (double) r.get("ratio"));
        }
        System.out.println("\nWritten to " + out.resolve("packets.json"));
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
