package org.onedoor.system;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * OneDoor's own meters and their tags, each named once; each package records its own facts under them, where they
 * happen. Prometheus shows {@code onedoor.requests} as {@code onedoor_requests_total}; docs/operations.md
 * ("Metrics") says what each means. Tags carry bounded values only (service and MDA codes, channels, states,
 * outcomes, error codes), never a tracking number or a user: every value is a series of its own, kept for good.
 */
public final class Metrics {

    /** A meter's name and the help text Prometheus shows with it. */
    public record Metric(String name, String description) {

        public Counter counter(MeterRegistry meters, String... tags) {
            return Counter.builder(name).description(description).tags(tags).register(meters);
        }

        /** A gauge read at every scrape: {@code value} must be cheap. */
        public void gauge(MeterRegistry meters, Supplier<Number> value, String... tags) {
            Gauge.builder(name, value).description(description).tags(tags).register(meters);
        }
    }

    public static final Metric REQUESTS = new Metric("onedoor.requests", "Requests filed, by service and channel");
    public static final Metric REQUEST_STATE_CHANGES = new Metric("onedoor.request.state.changes",
            "Changes of a request's state");
    public static final Metric LEG_STATE_CHANGES = new Metric("onedoor.leg.state.changes",
            "Changes of the state of an MDA's part of a request");
    public static final Metric PACKETS = new Metric("onedoor.packets",
            "Packets to and from MDA systems, by MDA, direction, packet type and outcome");
    public static final Metric DELIVERY = new Metric("onedoor.delivery",
            "One attempt to deliver a packet to an MDA system, its route's redeliveries included");
    public static final Metric VERIFICATION_FAILURES = new Metric("onedoor.packet.verification.failures",
            "Packets and receipts from MDA systems that failed verification, by MDA and error code");
    public static final Metric SLA_BREACHES = new Metric("onedoor.sla.breaches",
            "MDAs' parts of requests decided after their SLA's due date");
    public static final Metric ESCALATIONS = new Metric("onedoor.escalations",
            "Steps taken on late officers' tasks: reminded, supervisor told, handed up");
    public static final Metric OUTBOX_MESSAGES = new Metric("onedoor.outbox.messages",
            "Notifications to citizens waiting in the outbox (pending) or given up on (failed)");
    public static final Metric JOBS_DUE = new Metric("onedoor.jobs.due",
            "Engine jobs due now with retries left: the job executor's backlog");
    public static final Metric INCIDENTS = new Metric("onedoor.incidents",
            "Open engine incidents: jobs whose retries are spent, for an operator");

    public static final String SERVICE = "service";
    public static final String CHANNEL = "channel";
    public static final String MDA = "mda";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String DIRECTION = "direction";
    public static final String TYPE = "type";
    public static final String OUTCOME = "outcome";
    public static final String CODE = "code";
    public static final String STEP = "step";
    public static final String STATUS = "status";

    private Metrics() {
    }

    /**
     * Runs {@code count} once the caller's transaction commits, or at once outside one: a change rolled back counts
     * nothing, and a job's run undone by a conflict and run again counts once.
     */
    public static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
