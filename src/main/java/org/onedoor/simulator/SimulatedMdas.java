package org.onedoor.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.onedoor.packet.KeyFiles;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketSigner;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.ReplayGuard;
import org.onedoor.packet.SignedPacket;
import org.springframework.core.io.InputStreamSource;
import org.onedoor.packet.TrustStore;
import org.onedoor.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The ministry systems of the demo, as a real ministry would build them from OneDoor's published contract: each
 * verifies what OneDoor sends against its own trust store (OneDoor's certificate), recognises a packet id it has
 * already taken and counts the duplicate, answers with its signed receipt, then acknowledges and, after a delay,
 * decides (or asks the applicant for information first, if a rule says so), over the transport the request came
 * by. A cancellation stops its work on the request; the applicant's information lets it decide. It can be told to
 * fail for tests and demos.
 */
public class SimulatedMdas {

    private static final Logger log = LoggerFactory.getLogger(SimulatedMdas.class);
    private static final ObjectMapper JSON = new ObjectMapper();

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
        MUTE,
        /**
         * Takes and processes the packet, but its reply is lost on the way (a 502 from a proxy, a server fault): the
         * packet sent again is a duplicate, answered with the receipt given the first time.
         */
        LOST,
        /**
         * Takes the packet, then answers like an outbox that held its answers through a long outage: each answer is
         * first sent as signed back then, older than the clock window; refused as {@code packet.clock-skew}, it is
         * signed anew with the same packet id.
         */
        BACKLOGGED
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

    /** One request an MDA is working on: the packet, how it came, and the decision it has scheduled. */
    private static final class Case {
        final Manifest request;
        final Transport transport;
        final boolean backlogged;
        volatile ScheduledFuture<?> next;
        volatile boolean cancelled;

        Case(Manifest request, Transport transport, boolean backlogged) {
            this.request = request;
            this.transport = transport;
            this.backlogged = backlogged;
        }
    }

    private final SimulatorProperties properties;
    private final Map<String, PacketSigner> signers = new LinkedHashMap<>();
    private final PacketVerifier verifier;
    private final AnswerChannel channel;
    private final Clock clock;

    /** Every packet id taken, by how often it arrived: processed once, every further arrival a duplicate. */
    private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
    /** Every packet from OneDoor that was taken, by id, and the receipt it was given. */
    private final Map<String, Manifest> packets = new ConcurrentHashMap<>();
    private final Map<String, SignedPacket> receipts = new ConcurrentHashMap<>();
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Injected> failures = new ConcurrentHashMap<>();
    private final AtomicInteger caseNumbers = new AtomicInteger();
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

    /** One delivery attempt to {@code mda}: a request, information or cancellation packet, documents by name. */
    public Reply deliver(String mda, Transport transport, SignedPacket packet, Map<String, InputStreamSource> documents) {
        attempts.computeIfAbsent(mda, m -> new AtomicInteger()).incrementAndGet();
        Failure failure = nextFailure(mda);
        if (failure == Failure.DOWN) {
            return new Reply.Fail(failure);
        }
        if (failure == Failure.SLOW) {
            sleep(properties.slowness().toMillis());
        }
        Map<String, Sha256.Digest> digests = new LinkedHashMap<>();
        for (Map.Entry<String, InputStreamSource> document : documents.entrySet()) {
            try (InputStream in = document.getValue().getInputStream()) {
                digests.put(document.getKey(), Sha256.of(in));
            } catch (IOException e) {
                return new Reply.Refused("packet.malformed", "The document '" + document.getKey() + "' cannot be read.");
            }
        }
        Manifest received;
        try {
            received = verifier.verify(packet, digests, mda);
        } catch (PacketException e) {
            if (!e.code().equals("packet.replayed")) {
                log.warn("Simulated {} refuses a packet: {} {}", mda, e.code(), e.getMessage());
                return new Reply.Refused(e.code(), e.getMessage());
            }
            String id = packetIdOf(packet);
            SignedPacket first = receipts.get(id);
            if (first == null) {
                // The first arrival of this id is still being taken: a busy system answers "try again".
                return new Reply.Fail(Failure.ERROR);
            }
            log.info("Simulated {} received packet {} again: answered with its first receipt, not processed twice",
                    mda, id);
            return new Reply.Receipt(first);
        }
        String id = received.packetId().toString();
        if (failure == Failure.REFUSE) {
            taken.remove(id);
            return new Reply.Refused("mda.cannot-process", "The " + mda + " system does not handle "
                    + received.serviceCode() + " requests.");
        }
        if (failure == Failure.ERROR || failure == Failure.MALFORMED) {
            taken.remove(id);
            return new Reply.Fail(failure);
        }
        Case known = received.type() == PacketType.REQUEST ? null
                : cases.get(String.valueOf(received.payload().get(received.type() == PacketType.CANCELLATION
                        ? "inReplyTo" : "requestPacketId")));
        if (received.type() != PacketType.REQUEST && known == null) {
            taken.remove(id);
            return new Reply.Refused("mda.unknown-request", "The " + mda + " system has no case for this packet.");
        }
        packets.put(id, received);
        switch (received.type()) {
            case REQUEST -> {
                log.info("Simulated {} took request packet {} for {}", mda, id, received.trackingNumber());
                Case work = new Case(received, transport, failure == Failure.BACKLOGGED);
                cases.put(id, work);
                if (failure != Failure.MUTE) {
                    scheduler.execute(logged(() -> acknowledge(mda, work)));
                }
            }
            case CANCELLATION -> {
                log.info("Simulated {} closes its case for {}: the request ended ({})", mda, received.trackingNumber(),
                        received.payload().get("outcome"));
                known.cancelled = true;
                ScheduledFuture<?> next = known.next;
                if (next != null) {
                    next.cancel(false);
                }
            }
            case INFORMATION -> {
                log.info("Simulated {} received the applicant's information for {}", mda, received.trackingNumber());
                if (failure != Failure.MUTE && !known.cancelled) {
                    known.next = scheduler.schedule(logged(() -> decide(mda, known, null)),
                            properties.decisionDelay().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            default -> {
                taken.remove(id);
                packets.remove(id);
                return new Reply.Refused("packet.wrong-type", "An MDA system takes request, information and "
                        + "cancellation packets, not " + received.type().wireName() + ".");
            }
        }
        SignedPacket receipt = receipt(mda, received);
        receipts.put(id, receipt);
        return failure == Failure.LOST ? new Reply.Fail(failure) : new Reply.Receipt(receipt);
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

    public int duplicates(UUID packetId) {
        AtomicInteger n = taken.get(packetId.toString());
        return n == null ? 0 : Math.max(0, n.get() - 1);
    }

    /** The packets an MDA has taken from OneDoor, newest first: what its clerks would see in their system. */
    public List<Map<String, Object>> received(String mda) {
        return packets.values().stream().filter(m -> m.recipient().equals(mda))
                .sorted(Comparator.comparing(Manifest::createdAt).reversed())
                .map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("packetId", m.packetId().toString());
                    row.put("type", m.type().wireName());
                    row.put("trackingNumber", m.trackingNumber());
                    row.put("serviceCode", m.serviceCode());
                    row.put("receivedAt", Manifest.formatTime(m.createdAt()));
                    row.put("payload", m.payload());
                    row.put("documents", m.documents().stream().map(Manifest.DocumentEntry::name).toList());
                    return row;
                })
                .toList();
    }

    /** The packets of a type an MDA has taken for a request: e.g. how many cancellations reached it. */
    public List<Manifest> packets(String mda, String trackingNumber, PacketType type) {
        return packets.values().stream().filter(m -> m.recipient().equals(mda) && m.type() == type
                && m.trackingNumber().equals(trackingNumber)).toList();
    }

    /** How often each packet id arrived (once taken, every further arrival a duplicate): for harnesses. */
    public Map<String, Integer> arrivals() {
        Map<String, Integer> result = new LinkedHashMap<>();
        taken.forEach((id, n) -> result.put(id, n.get()));
        return result;
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

    /** Acknowledges at once; decides, or asks the applicant first, some time after OneDoor took the acknowledgement. */
    private void acknowledge(String mda, Case work) {
        Manifest request = work.request;
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("inReplyTo", request.packetId().toString());
        ack.put("outcome", "accepted");
        ack.put("caseNumber", mda.toUpperCase().replaceAll("[^A-Z]", "").substring(0, 2) + "-"
                + LocalDate.now(clock).getYear() + "-" + String.format("%05d", caseNumbers.incrementAndGet()));
        ack.put("expectedCompletion", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7).toString());
        send(mda, work, PacketType.ACKNOWLEDGEMENT, ack, Map.of(), () -> {
            SimulatorProperties.Rule rule = rule(mda, request);
            work.next = scheduler.schedule(logged(() -> decide(mda, work, rule)), properties.decisionDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    /** The document an approving MDA issues: a one-page PDF saying what was cleared, for whom, when. */
    static byte[] clearance(String mda, String trackingNumber, LocalDate on) {
        String text = "BT /F1 14 Tf 50 780 Td (Clearance issued by " + mda + ") Tj 0 -24 Td (Request " + trackingNumber
                + ", " + on + ") Tj 0 -24 Td (Simulated ministry system: a demonstration document.) Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The rule's outcome (approved when none matches); a rule asking for information is asked once. */
    private void decide(String mda, Case work, SimulatorProperties.Rule rule) {
        if (work.cancelled) {
            return;
        }
        Manifest request = work.request;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inReplyTo", request.packetId().toString());
        if (rule != null && "information".equals(rule.outcome())) {
            payload.put("question", rule.reason());
            if (!rule.documents().isEmpty()) {
                payload.put("documents", rule.documents());
            }
            send(mda, work, PacketType.INFO_REQUEST, payload, Map.of(), () -> { });
            return;
        }
        payload.put("outcome", rule == null ? "approved" : rule.outcome());
        if (rule != null) {
            payload.put("reason", rule.reason());
        }
        Map<String, byte[]> documents = rule == null ? Map.of("clearance", clearance(mda, request.trackingNumber(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) : Map.of();
        send(mda, work, PacketType.DECISION, payload, documents, () -> { });
    }

    /**
     * Signs one answer and sends it; resends the same packet (its id, so that OneDoor can recognise it) while
     * OneDoor cannot take it, as a ministry's outbox would.
     */
    private void send(String mda, Case work, PacketType type, Map<String, Object> payload, Map<String, byte[]> documents,
            Runnable then) {
        Manifest request = work.request;
        List<Manifest.DocumentEntry> entries = documents.entrySet().stream()
                .map(d -> new Manifest.DocumentEntry(d.getKey(), "application/pdf", d.getValue().length, Sha256.hex(d.getValue())))
                .toList();
        Instant signedAt = work.backlogged ? clock.instant().minus(properties.clockSkew()).minusSeconds(60) : clock.instant();
        Manifest manifest = new Manifest(UUID.randomUUID(), type, request.trackingNumber(), request.serviceCode(), mda,
                request.sender(), signedAt, payload, entries);
        resend(mda, work, type, signers.get(mda).sign(manifest), documents, 1, then);
    }

    private void resend(String mda, Case work, PacketType type, SignedPacket packet, Map<String, byte[]> documents,
            int attempt, Runnable then) {
        if (work.cancelled) {
            return;
        }
        try {
            channel.send(work.transport, type, packet, documents);
            then.run();
        } catch (AnswerChannel.NotTaken e) {
            if (attempt >= properties.answerAttempts()) {
                log.error("Simulated {} gives up sending its {} for {}: {}", mda, type.wireName(),
                        work.request.trackingNumber(), e.getMessage());
                return;
            }
            log.warn("Simulated {} will resend its {} for {}: {}", mda, type.wireName(), work.request.trackingNumber(),
                    e.getMessage());
            SignedPacket next = e instanceof AnswerChannel.Stale ? signedAnew(mda, packet) : packet;
            work.next = scheduler.schedule(logged(() -> resend(mda, work, type, next, documents, attempt + 1, then)),
                    properties.answerRetryDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The same answer with a new creation time: its packet id stays, so that OneDoor still recognises it. */
    private SignedPacket signedAnew(String mda, SignedPacket packet) {
        Manifest old = Manifest.fromCanonical(packet.manifest());
        return signers.get(mda).sign(new Manifest(old.packetId(), old.type(), old.trackingNumber(), old.serviceCode(),
                old.sender(), old.recipient(), clock.instant(), old.payload(), old.documents()));
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

    /** The receipt for a packet; a duplicate of the packet gets this same receipt again, as the contract allows. */
    private SignedPacket receipt(String mda, Manifest received) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receivedPacketId", received.packetId().toString());
        payload.put("outcome", "received");
        return signers.get(mda).sign(new Manifest(UUID.randomUUID(), PacketType.RECEIPT, received.trackingNumber(),
                received.serviceCode(), mda, received.sender(), clock.instant(), payload, List.of()));
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
