package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.tracking.Grievances;
import org.springframework.stereotype.Component;

/** The appellate officer's decision goes to the citizen and closes the grievance. */
@Component("appealDecided")
class AppealDecidedDelegate implements JavaDelegate {

    private final Grievances grievances;

    AppealDecidedDelegate(Grievances grievances) {
        this.grievances = grievances;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievances.decideAppeal((String) execution.getVariable(ProcessVariables.GRIEVANCE_ID),
                (String) execution.getVariable(ProcessVariables.APPEAL_DECISION), Officers.current(execution));
    }
}
