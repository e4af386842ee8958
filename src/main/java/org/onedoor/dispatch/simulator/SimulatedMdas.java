package org.onedoor.dispatch.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.onedoor.dispatch.DeliveryFailedException;
import org.onedoor.packet.KeyFiles;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketSigner;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.ReplayGuard;
import org.onedoor.packet.SignedPacket;
import org.onedoor.packet.TrustStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The ministry systems of the demo, as a real ministry would build them from OneDoor's published contract:
 * each verifies the request packet against its own trust store (OneDoor's certificate), recognises a packet id
 * it has already taken and counts the duplicate, answers with its signed receipt, then acknowledges and, after
 * a delay, decides, over the transport the request came by. It can be told to fail for tests and demos.
 */
public class SimulatedMdas {

    private static final Logger log = LoggerFactory.getLogger(SimulatedMdas.class);

    /** How the simulated system misbehaves on its next deliveries. */
    public enum Failure {
        /** Answers 503 (REST) or a server fault (SOAP) without looking at the packet. */
        DOWN,
        /** Takes longer than any sensible timeout, then processes the packet anyway. */
        SLOW,
        /** Answers 500 or a server fault after reading the packet, without processing it. */
        ERROR,
        /** Answers 200 with a body that is not a signed receipt, without processing the packet. */
        MALFORMED,
        /** Refuses the packet with a code (HTTP 422, a declared SOAP fault), as a system that cannot take it. */
        REFUSE,
        /** Takes the packet and signs for it, then leaves acknowledging and deciding to a person (with curl). */
        MUTE
    }

    /** What a delivery came in by; the MDA answers the same way. */
    public enum Transport { REST, SOAP }

    /** The outcome of one delivery attempt as the transport must render it. */
    public sealed interface Reply {
        record Receipt(SignedPacket packet) implements Reply { }
        record Refused(String code, String detail) implements Reply { }
        record Fail(Failure failure) implements Reply { }
    }

    private record Injected(Failure failure, AtomicInteger remaining) {
    }

    private final SimulatorProperties properties;
    private final Map<String, PacketSigner> signers = new LinkedHashMap<>();
    private final PacketVerifier verifier;
    private final AnswerChannel channel;
    private final Clock clock;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
    private final Map<String, Manifest> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> duplicates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Injected> failures = new ConcurrentHashMap<>();
    private final AtomicInteger cases = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulated-mda");
        t.setDaemon(true);
        return t;
    });

    public SimulatedMdas(SimulatorProperties properties, AnswerChannel channel, Clock clock) {
        this.properties = properties;
        this.channel = channel;
        this.clock = clock;
        ResourceLoader resources = new DefaultResourceLoader();
        Resource keys = resources.getResource(properties.keys());
        for (String mda : properties.mdas()) {
            try {
                signers.put(mda, PacketSigner.load(mda, keys.createRelative(mda + ".key.pem"),
                        keys.createRelative(mda + ".pem"), new char[0]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("No key for simulated MDA " + mda + " in " + properties.keys(), e);
            }
        }
        TrustStore trust = new TrustStore(Map.of("odsc", KeyFiles.certificates(resources.getResource(properties.trust()))));
        ReplayGuard ledger = (packetId, sender) -> taken.computeIfAbsent(packetId.toString(), id -> new AtomicInteger())
                .getAndIncrement() == 0;
        this.verifier = new PacketVerifier(trust, ledger, clock, properties.clockSkew());
    }

    public boolean plays(String mda) {
        return signers.containsKey(mda);
    }

    /** One delivery attempt to {@code mda}: the packet as it came, documents by name. */
    public Reply deliver(String mda, Transport transport, SignedPacket packet, Map<String, byte[]> documents) {
        attempts.computeIfAbsent(mda, m -> new AtomicInteger()).incrementAndGet();
        Failure failure = nextFailure(mda);
        if (failure == Failure.DOWN) {
            return new Reply.Fail(failure);
        }
        if (failure == Failure.SLOW) {
            sleep(properties.slowness().toMillis());
        }
        Manifest request;
        try {
            request = verifier.verify(packet, documents, mda);
        } catch (PacketException e) {
            if (!e.code().equals("packet.replayed")) {
                log.warn("Simulated {} refuses a packet: {} {}", mda, e.code(), e.getMessage());
                return new Reply.Refused(e.code(), e.getMessage());
            }
            Manifest first = requests.get(packetIdOf(packet));
            if (first == null) {
                // The first arrival of this id is still being taken: a busy system answers "try again".
                return new Reply.Fail(Failure.ERROR);
            }
            duplicates.computeIfAbsent(first.packetId().toString(), k -> new AtomicInteger()).incrementAndGet();
            log.info("Simulated {} received packet {} again: answered, not processed twice", mda, first.packetId());
            return new Reply.Receipt(receipt(mda, first, true));
        }
        if (failure == Failure.REFUSE) {
            taken.remove(request.packetId().toString());
            return new Reply.Refused("mda.cannot-process", "The " + mda + " system does not handle "
                    + request.serviceCode() + " requests.");
        }
        if (failure == Failure.ERROR || failure == Failure.MALFORMED) {
            taken.remove(request.packetId().toString());
            return new Reply.Fail(failure);
        }
        log.info("Simulated {} took request packet {} for {}", mda, request.packetId(), request.trackingNumber());
        requests.put(request.packetId().toString(), request);
        if (failure != Failure.MUTE) {
            scheduler.execute(logged(() -> answer(mda, transport, request)));
        }
        return new Reply.Receipt(receipt(mda, request, false));
    }

    /** Makes the next {@code times} deliveries to {@code mda} fail ({@code 0}: until cleared). */
    public void fail(String mda, Failure failure, int times) {
        failures.put(mda, new Injected(failure, new AtomicInteger(times == 0 ? Integer.MAX_VALUE : times)));
    }

    public void heal(String mda) {
        failures.remove(mda);
    }

    /** How many times the packet was taken for processing: exactly once, however often it was sent. */
    public int processed(UUID packetId) {
        AtomicInteger n = taken.get(packetId.toString());
        return n == null ? 0 : Math.min(1, n.get());
    }

    /** The request packets an MDA has taken, newest first: what its clerks would see in their system. */
    public List<Map<String, Object>> received(String mda) {
        return requests.values().stream().filter(m -> m.recipient().equals(mda))
                .sorted(java.util.Comparator.comparing(Manifest::createdAt).reversed())
                .map(m -> Map.<String, Object>of("packetId", m.packetId().toString(), "trackingNumber", m.trackingNumber(),
                        "serviceCode", m.serviceCode(), "receivedAt", Manifest.formatTime(m.createdAt())))
                .toList();
    }

    public int duplicates(UUID packetId) {
        AtomicInteger n = duplicates.get(packetId.toString());
        return n == null ? 0 : n.get();
    }

    public int attempts(String mda) {
        AtomicInteger n = attempts.get(mda);
        return n == null ? 0 : n.get();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private Failure nextFailure(String mda) {
        Injected injected = failures.get(mda);
        if (injected == null) {
            return null;
        }
        if (injected.remaining().getAndDecrement() <= 0) {
            failures.remove(mda, injected);
            return null;
        }
        return injected.failure();
    }

    /** Acknowledges, waits, decides; each answer retried while OneDoor cannot take it. */
    private void answer(String mda, Transport transport, Manifest request) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("inReplyTo", request.packetId().toString());
        ack.put("outcome", "accepted");
        ack.put("caseNumber", mda.toUpperCase().replaceAll("[^A-Z]", "").substring(0, 2) + "-"
                + LocalDate.now(clock).getYear() + "-" + String.format("%05d", cases.incrementAndGet()));
        ack.put("expectedCompletion", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7).toString());
        Runnable decide = () -> {
            SimulatorProperties.Rule rule = rule(mda, request);
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("inReplyTo", request.packetId().toString());
            decision.put("outcome", rule == null ? "approved" : rule.outcome());
            if (rule != null) {
                decision.put("reason", rule.reason());
            }
            Map<String, byte[]> documents = rule == null ? Map.of("clearance", ("Clearance of " + mda + " for "
                    + request.trackingNumber() + "\n").getBytes(StandardCharsets.UTF_8)) : Map.of();
            send(mda, transport, request, PacketType.DECISION, decision, documents, 1, () -> { });
        };
        // The case is decided some time after OneDoor has taken the acknowledgement.
        send(mda, transport, request, PacketType.ACKNOWLEDGEMENT, ack, Map.of(), 1, () -> scheduler.schedule(
                logged(decide), properties.decisionDelay().toMillis(), TimeUnit.MILLISECONDS));
    }

    private void send(String mda, Transport transport, Manifest request, PacketType type, Map<String, Object> payload,
            Map<String, byte[]> documents, int attempt, Runnable then) {
        List<Manifest.DocumentEntry> entries = documents.entrySet().stream()
                .map(d -> new Manifest.DocumentEntry(d.getKey(), "text/plain", d.getValue().length,
                        org.onedoor.documents.DocumentStore.sha256(d.getValue())))
                .toList();
        Manifest manifest = new Manifest(UUID.randomUUID(), type, request.trackingNumber(), request.serviceCode(), mda,
                request.sender(), clock.instant(), payload, entries);
        SignedPacket packet = signers.get(mda).sign(manifest);
        try {
            channel.send(transport, type, packet, documents);
            then.run();
        } catch (DeliveryFailedException e) {
            if (attempt >= 10) {
                log.error("Simulated {} gives up sending its {} for {}: {}", mda, type.wireName(), request.trackingNumber(), e.getMessage());
                return;
            }
            log.warn("Simulated {} will resend its {} for {}: {}", mda, type.wireName(), request.trackingNumber(), e.getMessage());
            scheduler.schedule(logged(() -> send(mda, transport, request, type, payload, documents, attempt + 1, then)),
                    2, TimeUnit.SECONDS);
        }
    }

    /** A scheduled task's failure would vanish in its future: the simulator's operator sees it in the log. */
    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("A simulated MDA failed to answer", e);
                throw e;
            }
        };
    }

    private SimulatorProperties.Rule rule(String mda, Manifest request) {
        Object form = request.payload().get("form");
        for (SimulatorProperties.Rule rule : properties.rules()) {
            if ((rule.mda() == null || rule.mda().equals(mda)) && form instanceof Map<?, ?> fields
                    && Objects.equals(String.valueOf(fields.get(rule.field())), rule.equals())) {
                return rule;
            }
        }
        return null;
    }

    /** A fresh receipt each time, also for a duplicate: a receipt is only accepted while it is recent. */
    private SignedPacket receipt(String mda, Manifest request, boolean duplicate) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receivedPacketId", request.packetId().toString());
        payload.put("outcome", "received");
        payload.put("duplicate", duplicate);
        return signers.get(mda).sign(new Manifest(UUID.randomUUID(), PacketType.RECEIPT, request.trackingNumber(),
                request.serviceCode(), mda, request.sender(), clock.instant(), payload, List.of()));
    }

    /** The id of a packet already verified once: the replay check comes after every other check. */
    private static String packetIdOf(SignedPacket packet) {
        try {
            return JSON.readTree(packet.manifest()).path("packetId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a replayed packet was verified before", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
