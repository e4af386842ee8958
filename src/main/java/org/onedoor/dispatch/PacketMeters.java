package org.onedoor.dispatch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketType;
import org.onedoor.system.Metrics;
import org.onedoor.system.OneDoorException;
import org.springframework.stereotype.Component;

/**
 * What the exchange with MDA systems counts: every attempt to deliver a packet (with its time), every packet an MDA
 * system sends, and every one that fails verification, by its code. Attempts and refusals count as they happen (the
 * wire saw them whatever the transaction does); a packet taken counts once its transaction commits.
 */
@Component
class PacketMeters {

    /** Where a packet went: delivered, refused by the MDA, failed (for a retry); or, from an MDA, taken or refused. */
    enum Outcome {
        DELIVERED, REFUSED, FAILED, ACCEPTED, LATE, REPEAT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The MDA tag of a packet whose sender is not a known MDA: a forged name must not become a series. */
    static final String UNKNOWN_MDA = "unknown";
    /** Prometheus buckets for one delivery attempt, from a quick answer to a route's redeliveries behind a timeout. */
    private static final Duration[] DELIVERY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry meters;
    private final ConnectorRegistry connectors;

    PacketMeters(MeterRegistry meters, ConnectorRegistry connectors) {
        this.meters = meters;
        this.connectors = connectors;
    }

    void attempt(String mdaCode, PacketType type, Outcome outcome, long nanos) {
        packets(mdaCode, "out", type, outcome);
        Timer.builder(Metrics.DELIVERY.name()).description(Metrics.DELIVERY.description())
                .tags(Metrics.MDA, mdaCode, Metrics.OUTCOME, outcome.tag())
                .serviceLevelObjectives(DELIVERY_BUCKETS)
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    void received(String mdaCode, PacketType type, Outcome outcome) {
        Metrics.afterCommit(() -> packets(mdaCode, "in", type, outcome));
    }

    /** A packet refused; the sender it claims is believed only as far as naming a known MDA. */
    void refused(String claimedSender, PacketType type, OneDoorException refusal) {
        String mda = claimedSender != null && connectors.find(claimedSender).isPresent() ? claimedSender : UNKNOWN_MDA;
        packets(mda, "in", type, Outcome.REFUSED);
        if (refusal instanceof PacketException) {
            verificationFailed(mda, refusal.code());
        }
    }

    /** A packet or receipt of {@code mdaCode} that failed verification, with its stable code. */
    void verificationFailed(String mdaCode, String code) {
        Metrics.VERIFICATION_FAILURES.counter(meters, Metrics.MDA, mdaCode, Metrics.CODE, code).increment();
    }

    private void packets(String mdaCode, String direction, PacketType type, Outcome outcome) {
        Metrics.PACKETS.counter(meters, Metrics.MDA, mdaCode, Metrics.DIRECTION, direction, Metrics.TYPE,
                type.wireName(), Metrics.OUTCOME, outcome.tag()).increment();
    }
}
