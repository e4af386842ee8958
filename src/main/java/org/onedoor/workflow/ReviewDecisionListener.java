package org.onedoor.workflow;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.onedoor.casework.OfficerRole;
import org.onedoor.dispatch.Connector;
import org.onedoor.dispatch.ConnectorRegistry;
import org.onedoor.system.OneDoorException;
import org.onedoor.tracking.RequestStatus;
import org.onedoor.tracking.Timeline;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The officer's decision on a review task. On create it clears the previous level's decision, so that no
 * level can complete on another's answer; on complete it checks the decision (a reason to reject, a
 * comment to return) and writes it to the citizen's timeline.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

    private static final Set<String> DECISIONS = Set.of("approve", "reject", "return");

    private final Timeline timeline;
    private final ConnectorRegistry connectors;

    public ReviewDecisionListener(Timeline timeline, ConnectorRegistry connectors) {
        this.timeline = timeline;
        this.connectors = connectors;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(ProcessVariables.DECISION);
            task.getExecution().removeVariable(ProcessVariables.COMMENT);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        String decision = (String) task.getVariable(ProcessVariables.DECISION);
        String comment = trimmed((String) task.getVariable(ProcessVariables.COMMENT));
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new OneDoorException("review.decision-invalid", HttpStatus.BAD_REQUEST,
                    "Choose a decision: approve, reject or return.");
        }
        if (!"approve".equals(decision) && comment == null) {
            throw new OneDoorException("review.comment-required", HttpStatus.BAD_REQUEST,
                    "reject".equals(decision) ? "Give the reason for the rejection." : "Say what must be corrected.");
        }
        String mdaCode = (String) task.getVariable(ProcessVariables.MDA_CODE);
        OfficerRole role = role(task, mdaCode);
        Connector mda = connectors.find(mdaCode).orElseThrow();
        String title = mda.officerTitle(role);
        int levels = ((Number) task.getVariable(ProcessVariables.REVIEW_LEVELS)).intValue();

        String message = switch (decision) {
            case "approve" -> (role.ordinal() + 1 >= levels ? "Approved by the " : "Cleared by the ") + title + ".";
            case "reject" -> "Rejected by the " + title + ": " + comment;
            default -> role == OfficerRole.desk
                    ? "Returned to the applicant by the " + title + " for correction: " + comment
                    : "Sent back to the " + mda.officerTitle(OfficerRole.values()[role.ordinal() - 1]) + " for correction.";
        };
        if ("return".equals(decision) && role != OfficerRole.desk) {
            task.getExecution().setVariable(ProcessVariables.CORRECTION_NOTE, title + ": " + comment);
        } else {
            task.getExecution().removeVariable(ProcessVariables.CORRECTION_NOTE);
        }
        timeline.record((String) task.getVariable(ProcessVariables.TRACKING_NUMBER), RequestStatus.IN_PROGRESS,
                mdaCode, message, actor(task));
    }

    /** The level is the role of the task's candidate group, so the BPMN's element ids do not matter here. */
    private static OfficerRole role(DelegateTask task, String mdaCode) {
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                var role = OfficerRole.ofGroup(mdaCode, link.getGroupId());
                if (role.isPresent()) {
                    return role.get();
                }
            }
        }
        throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no candidate group of " + mdaCode);
    }

    private static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
