package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.tracking.Grievances;
import org.springframework.stereotype.Component;

/** The grievance redress officer's answer goes to the citizen; the appeal window runs from now. */
@Component("grievanceAnswered")
class GrievanceAnsweredDelegate implements JavaDelegate {

    private final Grievances grievances;
    private final GrievanceProcess process;

    GrievanceAnsweredDelegate(Grievances grievances, GrievanceProcess process) {
        this.grievances = grievances;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.APPEAL_BY, process.endOf(grievances.answer(
                (String) execution.getVariable(ProcessVariables.GRIEVANCE_ID),
                (String) execution.getVariable(ProcessVariables.GRIEVANCE_ANSWER), Officers.current(execution))));
    }
}
