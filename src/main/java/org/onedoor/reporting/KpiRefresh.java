package org.onedoor.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.casework.CalendarChanged;
import org.onedoor.lifecycle.LegStarted;
import org.onedoor.lifecycle.RequestNews;
import org.onedoor.reporting.KpiFacts.Counted;
import org.onedoor.reporting.KpiSources.Source;
import org.onedoor.reporting.KpiStore.CountKey;
import org.onedoor.reporting.KpiStore.Dirty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the totals exact. Every change of a request marks it in the change's own transaction (its news, the start of
 * an MDA's part); the refresh then counts each marked request again from OneDoor's tables and adds the difference to
 * the totals, a batch per transaction, under one lock on all nodes. Escalation steps and ratings, which are no news,
 * are found by a sweep of the rows of the last {@code onedoor.reporting.sweep-margin} whose count or rating differs
 * from what was counted. The refresh runs every {@code onedoor.reporting.refresh-interval}, and before every reading of
 * the dashboard, which therefore shows every change committed before it was asked.
 */
@Component
class KpiRefresh {

    private static final Logger log = LoggerFactory.getLogger(KpiRefresh.class);

    private final KpiStore store;
    private final KpiSources sources;
    private final KpiFacts facts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;
    private final Duration sweepMargin;

    KpiRefresh(KpiStore store, KpiSources sources, KpiFacts facts, PlatformTransactionManager transactions, Clock clock,
            @Value("${onedoor.reporting.batch-size:1000}") int batchSize,
            @Value("${onedoor.reporting.sweep-margin:10m}") Duration sweepMargin) {
        this.store = store;
        this.sources = sources;
        this.facts = facts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = batchSize;
        this.sweepMargin = sweepMargin;
    }

    @EventListener
    void onNews(RequestNews news) {
        store.mark(news.trackingNumber(), news.at());
    }

    @EventListener
    void onLegStarted(LegStarted started) {
        store.mark(started.trackingNumber(), clock.instant());
    }

    /** A holiday added or removed changes the working days of every interval that spans it. */
    @EventListener
    void onCalendarChanged(CalendarChanged change) {
        int marked = transaction.execute(status -> store.markSpanning(change.day(), clock.instant()));
        log.info("Public holiday {}: {} request(s) to count again for the KPIs", change.day(), marked);
    }

    /** Every request counted again, e.g. after a service's SLA changed. */
    int rebuild() {
        return transaction.execute(status -> store.markAll(clock.instant()));
    }

    @Scheduled(fixedDelayString = "${onedoor.reporting.refresh-interval:10s}",
            initialDelayString = "${onedoor.reporting.refresh-interval:10s}")
    void scheduled() {
        int counted = catchUp(Integer.MAX_VALUE);
        if (counted > 0) {
            log.debug("KPIs: {} request(s) counted again", counted);
        }
    }

    /**
     * Sweeps, then counts the marked requests, batch by batch, until none is left or {@code limit} marks are done.
     * Returns how many marks were done.
     */
    int catchUp(int limit) {
        transaction.executeWithoutResult(status -> {
            Instant sweptTo = store.lock();
            Instant now = clock.instant();
            store.sweep(sweptTo.minus(sweepMargin), now);
        });
        int done = 0;
        while (done < limit) {
            int batch = transaction.execute(status -> countBatch());
            if (batch == 0) {
                break;
            }
            done += batch;
        }
        return done;
    }

    /** Counts one batch of marked requests again and adds the differences to the totals. */
    private int countBatch() {
        store.lock();
        List<Dirty> dirty = store.dirty(batchSize);
        if (dirty.isEmpty()) {
            return 0;
        }
        Set<String> numbers = new LinkedHashSet<>();
        dirty.forEach(d -> numbers.add(d.trackingNumber()));
        Map<String, Source> found = sources.load(numbers);
        Map<String, Counted> before = store.counted(numbers);
        Map<CountKey, Long> deltas = new HashMap<>();
        List<Counted> after = found.values().stream().map(facts::count).toList();
        for (Counted now : after) {
            Counted was = before.get(now.trackingNumber());
            Facts.difference(was == null ? new Facts() : was.facts(), now.facts()).forEach((fact, n) ->
                    KpiStore.keys(now.serviceCode(), fact).forEach(k -> deltas.merge(k, n, Long::sum)));
        }
        deltas.values().removeIf(n -> n == 0);
        store.apply(deltas);
        store.save(after, before.keySet(), clock.instant());
        store.forget(dirty);
        return dirty.size();
    }
}
