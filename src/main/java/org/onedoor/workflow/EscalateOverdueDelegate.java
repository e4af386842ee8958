package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code OfficerReview}'s overdue timer, at the due date and daily after: the next step up ({@link LateTasks}). */
@Component("escalateOverdue")
class EscalateOverdueDelegate implements JavaDelegate {

    private final LateTasks lateTasks;

    EscalateOverdueDelegate(LateTasks lateTasks) {
        this.lateTasks = lateTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lateTasks.escalate(execution);
    }
}
