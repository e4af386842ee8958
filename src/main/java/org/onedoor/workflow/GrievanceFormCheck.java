package org.onedoor.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.onedoor.system.OneDoorException;
import org.onedoor.tracking.Grievances;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A grievance task completes only with its text: the answer, or the appeal's decision, of at most
 * {@link Grievances#MAX_DECISION} characters. Otherwise Tasklist (and the REST API) gets 422 with the field, and the
 * task stays open.
 */
@Component("grievanceFormCheck")
class GrievanceFormCheck implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String variable = LateGrievanceDelegate.ANSWER_TASK.equals(task.getTaskDefinitionKey())
                ? ProcessVariables.GRIEVANCE_ANSWER : ProcessVariables.APPEAL_DECISION;
        Object value = task.getVariable(variable);
        String text = value instanceof String s ? s.strip() : "";
        if (text.isEmpty() || text.length() > Grievances.MAX_DECISION) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY, text.isEmpty()
                    ? "Write what the citizen is told." : "At most " + Grievances.MAX_DECISION + " characters.",
                    List.of(new OneDoorException.Violation(variable, text.isEmpty() ? "field.required" : "field.too-long",
                            text.isEmpty() ? "This field is required." : "Too long.")));
        }
    }
}
