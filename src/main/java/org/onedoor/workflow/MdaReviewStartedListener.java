package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.onedoor.dispatch.ConnectorRegistry;
import org.onedoor.tracking.RequestStatus;
import org.onedoor.tracking.Timeline;
import org.springframework.stereotype.Component;

/** Tells the citizen that an MDA has the request: the timeline's "with whom" line. */
@Component("mdaReviewStartedListener")
public class MdaReviewStartedListener implements ExecutionListener {

    private final Timeline timeline;
    private final ConnectorRegistry connectors;

    public MdaReviewStartedListener(Timeline timeline, ConnectorRegistry connectors) {
        this.timeline = timeline;
        this.connectors = connectors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String mda = (String) execution.getVariable(ProcessVariables.MDA_CODE);
        String name = connectors.find(mda).map(c -> c.name().en()).orElse(mda);
        timeline.record((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER), RequestStatus.IN_PROGRESS,
                mda, "Sent to " + name + " for review.", null);
    }
}
