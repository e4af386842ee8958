package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.tracking.Grievances;
import org.springframework.stereotype.Component;

/** No appeal came in time: the answer stands and the grievance is closed. */
@Component("closeGrievance")
class CloseGrievanceDelegate implements JavaDelegate {

    private final Grievances grievances;

    CloseGrievanceDelegate(Grievances grievances) {
        this.grievances = grievances;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grievances.close((String) execution.getVariable(ProcessVariables.GRIEVANCE_ID));
    }
}
