package org.onedoor.packet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
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
        // Pooled, as OneDoor's connections are: a new connection for each statement would be measured otherwise.
        PacketFixture.database("packet-benchmark");
        com.zaxxer.hikari.HikariDataSource data = new com.zaxxer.hikari.HikariDataSource();
        data.setJdbcUrl("jdbc:h2:mem:packet-benchmark;DB_CLOSE_DELAY=-1");
        data.setUsername("sa");
        CmsPacketSigner signer = PacketFixture.signer("land-office", PacketFixture.LAND);
        List<Map<String, Object>> results = new ArrayList<>();
        Ceiling ceiling = Ceiling.fastest();
        for (int size : sizes) {
            byte[] document = new byte[size];
            new Random(size).nextBytes(document);

            double raw = opsPerSecond(() -> rawHashAndKeyOperations(document, ceiling));
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
            row.put("ceiling", ceiling.describe());
            row.put("ceilingSignsPerSecond", round(ceiling.signsPerSecond()));
            row.put("ceilingVerifiesPerSecond", round(ceiling.verifiesPerSecond()));
            row.put("onedoorOpsPerSecond", round(onedoor));
            row.put("ratio", round(onedoor / raw));
            results.add(row);
            System.out.printf(Locale.ROOT, "%,d bytes: raw %.1f/s, OneDoor sign+verify %.1f/s, ratio %.2f%n",
                    size, raw, onedoor, onedoor / raw);
        }
        data.close();
        return results;
    }

    private static Manifest manifest(byte[] document) {
        return new Manifest(UUID.randomUUID(), PacketType.DECISION, "ODSC-2026-000123-7", "land-mutation", "land-office",
                "odsc", Instant.now(), Map.of("decision", "approved", "caseNumber", "AC-LAND-2026-0042"),
                List.of(new Manifest.DocumentEntry("document", "application/pdf", document.length,
                        Sha256.hex(document))));
    }

    /**
     * The ceiling's providers: for signing and for verifying ECDSA P-256, the faster of the JDK's default and Bouncy
     * Castle's, each measured here in this run (SHA-256 is the JDK's: Bouncy Castle's pure-Java digest is slower).
     */
    record Ceiling(Keys signer, double signsPerSecond, Keys verifier, double verifiesPerSecond,
            Map<String, Double> measured) {

        static Ceiling fastest() {
            byte[] manifest = "x".repeat(400).getBytes();
            Map<String, Double> measured = new LinkedHashMap<>();
            Keys bestSigner = null;
            Keys bestVerifier = null;
            double signs = 0;
            double verifies = 0;
            for (Provider provider : List.of(jdkDefault(), Signatures.BOUNCY_CASTLE)) {
                Keys keys = Keys.of(provider);
                byte[] signature = sign(keys, manifest);
                double s = opsPerSecond(() -> sign(keys, manifest));
                double v = opsPerSecond(() -> verify(keys, manifest, signature));
                measured.put(provider.getName() + " sign/s", round(s));
                measured.put(provider.getName() + " verify/s", round(v));
                if (s > signs) {
                    signs = s;
                    bestSigner = keys;
                }
                if (v > verifies) {
                    verifies = v;
                    bestVerifier = keys;
                }
            }
            System.out.println("ECDSA P-256 per provider: " + measured);
            return new Ceiling(bestSigner, signs, bestVerifier, verifies, measured);
        }

        /** What a plain {@code Signature.getInstance} gets: SunEC on the JDKs here. */
        private static Provider jdkDefault() {
            try {
                return Signature.getInstance("SHA256withECDSA").getProvider();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK signs with ECDSA", e);
            }
        }

        String describe() {
            return "JDK SHA-256, ECDSA sign " + signer.provider().getName() + ", verify " + verifier.provider().getName()
                    + " (keys in the provider's own form)";
        }
    }

    /** The land office's key pair in a provider's own form: converted once, as the fastest use of it does. */
    record Keys(Provider provider, java.security.PrivateKey privateKey, java.security.PublicKey publicKey) {
        static Keys of(Provider provider) {
            try {
                java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC", provider);
                return new Keys(provider,
                        factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                                PacketFixture.LAND.keys().getPrivate().getEncoded())),
                        factory.generatePublic(new java.security.spec.X509EncodedKeySpec(
                                PacketFixture.LAND.certificate().getPublicKey().getEncoded())));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] sign(Keys keys, byte[] content) {
        try {
            Signature sign = Signature.getInstance("SHA256withECDSA", keys.provider());
            sign.initSign(keys.privateKey());
            sign.update(content);
            return sign.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(Keys keys, byte[] content, byte[] signature) {
        try {
            Signature verify = Signature.getInstance("SHA256withECDSA", keys.provider());
            verify.initVerify(keys.publicKey());
            verify.update(content);
            return verify.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ceiling: what any signed exchange of this document must compute, each step with the fastest implementation. */
    private static void rawHashAndKeyOperations(byte[] document, Ceiling ceiling) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] documentDigest = sha.digest(document);
            byte[] manifest = (HexFormat.of().formatHex(documentDigest) + "x".repeat(300)).getBytes();
            byte[] signature = sign(ceiling.signer(), manifest);
            if (!verify(ceiling.verifier(), manifest, signature)
                    || !MessageDigest.isEqual(documentDigest, sha.digest(document))) {
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
