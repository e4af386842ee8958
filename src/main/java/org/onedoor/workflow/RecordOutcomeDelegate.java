package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.tracking.RequestStatus;
import org.onedoor.tracking.Timeline;
import org.springframework.stereotype.Component;

/** Records the request's final outcome, given by the task's input parameter {@code outcome}. */
@Component("recordOutcome")
public class RecordOutcomeDelegate implements JavaDelegate {

    private final Timeline timeline;

    public RecordOutcomeDelegate(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = (String) execution.getVariableLocal(ProcessVariables.OUTCOME);
        RequestStatus status;
        String message;
        switch (outcome) {
            case "approved" -> {
                status = RequestStatus.APPROVED;
                message = "Approved. Collect the result at the One-Door Service Centre.";
            }
            case "rejected" -> {
                status = RequestStatus.REJECTED;
                message = "Rejected. The reason is given above.";
            }
            case "returned" -> {
                status = RequestStatus.RETURNED;
                message = "Returned for correction. Bring the corrected request to the One-Door Service Centre.";
            }
            default -> throw new IllegalArgumentException("Unknown outcome '" + outcome + "' in " + execution.getCurrentActivityId());
        }
        timeline.record((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER), status, null, message, null);
    }
}
