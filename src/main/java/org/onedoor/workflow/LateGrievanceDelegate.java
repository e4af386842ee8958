package org.onedoor.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.onedoor.casework.GrievanceOfficer;
import org.onedoor.casework.Supervisors;
import org.onedoor.tracking.Grievances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A grievance task past its due date goes one step up, as late review work does: a late answer to the MDA's
 * appellate officer (beside the grievance redress officer), a late appeal to the ODSC's supervisors. The step is
 * written in the task's history, counted on the grievance, and the citizen is told.
 */
@Component("lateGrievance")
class LateGrievanceDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(LateGrievanceDelegate.class);
    /** The grievance redress officer's task in Grievance.bpmn; the other one is the appeal's. */
    static final String ANSWER_TASK = "Task_AnswerGrievance";

    private final TaskService tasks;
    private final Grievances grievances;

    LateGrievanceDelegate(TaskService tasks, Grievances grievances) {
        this.tasks = tasks;
        this.grievances = grievances;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().singleResult();
        if (task == null) {
            return;
        }
        String mdaCode = (String) execution.getVariable(ProcessVariables.MDA_CODE);
        String to = ANSWER_TASK.equals(task.getTaskDefinitionKey())
                ? GrievanceOfficer.appellate.group(mdaCode) : Supervisors.ODSC;
        tasks.addCandidateGroup(task.getId(), to);
        String note = "Past its due date: handed to " + to + ".";
        Context.getCommandContext().runWithoutAuthorization(() -> {
            tasks.createComment(task.getId(), task.getProcessInstanceId(), note);
            return null;
        });
        grievances.late((String) execution.getVariable(ProcessVariables.GRIEVANCE_ID), to);
        log.info("Grievance {} of {}: {}", execution.getVariable(ProcessVariables.GRIEVANCE_ID),
                execution.getBusinessKey(), note);
    }
}
