package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code OfficerReview}'s follow-up timer: the officer of the open task is reminded ({@link LateTasks}). */
@Component("remindOfficer")
class RemindOfficerDelegate implements JavaDelegate {

    private final LateTasks lateTasks;

    RemindOfficerDelegate(LateTasks lateTasks) {
        this.lateTasks = lateTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lateTasks.remind(execution);
    }
}
