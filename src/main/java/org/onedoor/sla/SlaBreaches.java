package org.onedoor.sla;

import java.util.EnumSet;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestNews;
import org.onedoor.system.Metrics;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts each MDA's part of a request that its MDA decided after the due date of its clock ({@link SlaClocks}, paused
 * time excluded). The clock is read in the decision's transaction, which holds the request's lock; the breach counts
 * once that commits. A part still open past its due date is not counted here: it shows in
 * {@code /api/supervisor/late-legs}, and an officer's late task as an escalation.
 */
@Component
class SlaBreaches {

    private static final Set<News> DECISIONS = EnumSet.of(News.LEG_APPROVED, News.LEG_REJECTED, News.LEG_REFUSED);

    private final ServiceRequests requests;
    private final Lifecycle lifecycle;
    private final SlaClocks clocks;
    private final MeterRegistry meters;

    SlaBreaches(ServiceRequests requests, Lifecycle lifecycle, SlaClocks clocks, MeterRegistry meters) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
        this.meters = meters;
    }

    @EventListener
    void onNews(RequestNews news) {
        if (!DECISIONS.contains(news.kind())) {
            return;
        }
        requests.find(news.trackingNumber()).ifPresent(request -> lifecycle.view(news.trackingNumber())
                .flatMap(view -> clocks.of(request, view).leg(news.mdaCode()))
                .filter(SlaClocks.LegClock::overdue)
                .ifPresent(late -> Metrics.afterCommit(Metrics.SLA_BREACHES.counter(meters,
                        Metrics.SERVICE, request.serviceCode(), Metrics.MDA, late.mdaCode())::increment)));
    }
}
