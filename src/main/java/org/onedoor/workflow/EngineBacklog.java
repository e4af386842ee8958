package org.onedoor.workflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.onedoor.system.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's backlog as gauges, read at every scrape: the jobs due now with retries left (the job executor's
 * queue: async steps and due timers, found by the due date index of {@code system.EngineIndexes}, never by a scan
 * of the timers not yet due), and the open incidents (jobs whose retries are spent, each waiting for an operator).
 */
@Component
class EngineBacklog implements MeterBinder {

    private final ManagementService management;
    private final RuntimeService runtime;

    EngineBacklog(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Metrics.JOBS_DUE.gauge(meters, () -> management.createJobQuery().executable().count());
        Metrics.INCIDENTS.gauge(meters, () -> runtime.createIncidentQuery().count());
    }
}
