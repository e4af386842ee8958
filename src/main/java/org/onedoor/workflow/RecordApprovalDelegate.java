package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.lifecycle.Lifecycle;
import org.springframework.stereotype.Component;

/** Every stage approved: the request is approved, unless it ended a moment before (a withdrawal won the race). */
@Component("recordApproval")
public class RecordApprovalDelegate implements JavaDelegate {

    private final Lifecycle lifecycle;

    public RecordApprovalDelegate(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.APPROVED,
                lifecycle.approve((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER)));
    }
}
