package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.onedoor.lifecycle.Lifecycle;
import org.springframework.stereotype.Component;

/** The MDA's officers have the request: its leg is in review. */
@Component("officerReviewStarted")
public class OfficerReviewStartedListener implements ExecutionListener {

    private final Lifecycle lifecycle;

    public OfficerReviewStartedListener(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateExecution execution) {
        lifecycle.startLeg((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                (String) execution.getVariable(ProcessVariables.MDA_CODE));
    }
}
