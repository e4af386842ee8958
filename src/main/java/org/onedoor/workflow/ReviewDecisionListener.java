package org.onedoor.workflow;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.onedoor.casework.OfficerRole;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.lifecycle.Decision;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.RequestView;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The officer's decision on a review task. On create it names the task after the service, request and applicant
 * (Tasklist's list shows the name), sets its follow-up date two working days before it is due (the "due within 2
 * working days" filter), gives it back to the officer who decided at this level before and flags a return from above
 * ("returned to me"), and clears the previous level's decision, so that no level can complete on another's answer;
 * on complete it checks the decision (a reason to reject, a comment to return or ask) and that
 * the officer decided at no other level of this MDA's part (four eyes), keeps the comment as a task comment, and
 * hands the decision to the lifecycle; when the request ends elsewhere and the task is closed, it says why in a
 * comment.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

    /** A task-local flag: a higher level returned the request to this one for correction ("returned to me"). */
    static final String RETURNED = "returned";

    /** Per level, who decided there last: a process variable of this MDA's part, {@code decidedBy_head} say. */
    private static final String DECIDED_BY = "decidedBy_";

    private final Lifecycle lifecycle;
    private final ConnectorRegistry connectors;
    private final ServiceCatalogue catalogue;
    /** Camunda's task priority for a priority request's tasks (the default is 50); the filters sort by it first. */
    static final int PRIORITY_TASK = 80;

    private final TaskDates taskDates;
    private final ActingOfficers acting;

    public ReviewDecisionListener(Lifecycle lifecycle, ConnectorRegistry connectors, ServiceCatalogue catalogue,
            TaskDates taskDates, ActingOfficers acting) {
        this.taskDates = taskDates;
        this.acting = acting;
        this.lifecycle = lifecycle;
        this.connectors = connectors;
        this.catalogue = catalogue;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setName(name(task));
                String mdaCode = (String) task.getVariable(ProcessVariables.MDA_CODE);
                dates(task, mdaCode);
                if (task.getVariable(ProcessVariables.PRIORITY) != null) {
                    task.setPriority(PRIORITY_TASK); // a priority request comes first in the task lists
                }
                Object before = task.getVariable(DECIDED_BY + role(task, mdaCode).name());
                if (before != null) {
                    // Back at a level that decided before (a return, the applicant's answer): the same officer goes on,
                    // or whoever acts for them while they are away.
                    task.setAssignee(acting.actingFor(task, mdaCode, before.toString()).orElse(before.toString()));
                }
                if (task.getVariable(ProcessVariables.CORRECTION_NOTE) != null) {
                    task.setVariableLocal(RETURNED, true);
                }
                task.getExecution().removeVariable(ProcessVariables.DECISION);
                task.getExecution().removeVariable(ProcessVariables.COMMENT);
                task.getExecution().removeVariable(ProcessVariables.REQUESTED_DOCUMENTS);
            }
            case EVENTNAME_COMPLETE -> complete(task);
            case EVENTNAME_DELETE -> closed(task);
            default -> { }
        }
    }

    private void complete(DelegateTask task) {
        ReviewDecision decision = ReviewDecision.of(task.getVariable(ProcessVariables.DECISION)).orElseThrow(() ->
                new OneDoorException("review.decision-invalid", HttpStatus.BAD_REQUEST,
                        "Choose a decision: approve, reject, return or request-information."));
        String comment = trimmed((String) task.getVariable(ProcessVariables.COMMENT));
        if (decision != ReviewDecision.APPROVE && comment == null) {
            throw new OneDoorException("review.comment-required", HttpStatus.BAD_REQUEST, switch (decision) {
                case REJECT -> "Give the reason for the rejection.";
                case RETURN -> "Say what must be corrected.";
                default -> "Say what the applicant must provide.";
            });
        }
        String trackingNumber = (String) task.getVariable(ProcessVariables.TRACKING_NUMBER);
        String mdaCode = (String) task.getVariable(ProcessVariables.MDA_CODE);
        OfficerRole role = role(task, mdaCode);
        Connector mda = connectors.get(mdaCode);
        int levels = ((Number) task.getVariable(ProcessVariables.REVIEW_LEVELS)).intValue();
        String officer = officer(task);
        for (OfficerRole other : OfficerRole.values()) {
            if (other != role && officer != null && officer.equals(task.getVariable(DECIDED_BY + other.name()))) {
                throw new OneDoorException("review.four-eyes", HttpStatus.FORBIDDEN, "You decided this request as "
                        + mda.officerTitle(other) + ": another officer must decide it as " + mda.officerTitle(role) + ".");
            }
        }
        task.getExecution().setVariable(DECIDED_BY + role.name(), officer);
        task.getExecution().removeVariable(ProcessVariables.CORRECTION_NOTE);
        switch (decision) {
            case APPROVE -> {
                if (role.ordinal() + 1 >= levels) {
                    lifecycle.decidedByOfficer(trackingNumber, mdaCode, Decision.APPROVED, comment,
                            mda.officerTitle(role), officer);
                } else {
                    lifecycle.levelCleared(trackingNumber, mdaCode, mda.officerTitle(role), officer);
                }
            }
            case REJECT -> lifecycle.decidedByOfficer(trackingNumber, mdaCode, Decision.REJECTED, comment,
                    mda.officerTitle(role), officer);
            case RETURN -> {
                if (role == OfficerRole.desk) {
                    lifecycle.askApplicant(trackingNumber, mdaCode, officer, comment, requestedDocuments(task));
                } else {
                    OfficerRole below = OfficerRole.values()[role.ordinal() - 1];
                    lifecycle.levelReturned(trackingNumber, mdaCode, mda.officerTitle(role), mda.officerTitle(below),
                            comment, officer);
                    task.getExecution().setVariable(ProcessVariables.CORRECTION_NOTE, mda.officerTitle(role) + ": " + comment);
                }
            }
            case REQUEST_INFORMATION ->
                    lifecycle.askApplicant(trackingNumber, mdaCode, officer, comment, requestedDocuments(task));
        }
        if (comment != null) {
            task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                    decision.value() + ": " + comment);
        }
    }

    /** "Trade licence TL-2026-000042 · Rahim Traders · Licence inspector": what, for whom, at which level. */
    private String name(DelegateTask task) {
        String serviceCode = (String) task.getVariable(ProcessVariables.SERVICE_CODE);
        String mdaCode = (String) task.getVariable(ProcessVariables.MDA_CODE);
        String service = catalogue.find(serviceCode).map(s -> s.name().en()).orElse(serviceCode);
        String name = String.join(" · ", service + " " + task.getVariable(ProcessVariables.TRACKING_NUMBER),
                String.valueOf(task.getVariable(ProcessVariables.APPLICANT_NAME)),
                connectors.get(mdaCode).officerTitle(role(task, mdaCode)));
        return name.length() <= 255 ? name : name.substring(0, 254) + "…"; // the engine's column
    }

    /** The task's dates from its leg's clock and its level; the BPMN's request-wide date where the leg has none. */
    private void dates(DelegateTask task, String mdaCode) {
        if (task.getVariable(ProcessVariables.REVIEW_LEVELS) instanceof Number) {
            TaskDates.Dates dates = taskDates.of(task.getExecution(), role(task, mdaCode).ordinal() + 1);
            task.setDueDate(dates.due());
            task.setFollowUpDate(dates.followUp());
        }
    }

    /** The task closes because the request ended elsewhere: Tasklist's history says why. */
    private void closed(DelegateTask task) {
        String trackingNumber = (String) task.getVariable(ProcessVariables.TRACKING_NUMBER);
        RequestView view = lifecycle.view(trackingNumber).orElse(null);
        if (view == null || !view.state().isFinal()) {
            return;
        }
        String note = "Closed without a decision: the request was " + view.state().name().toLowerCase().replace('_', ' ')
                + (view.endReason() == null ? "." : " (" + view.endReason() + ").");
        // OneDoor's note, not a user's: whoever ended the request elsewhere need not be allowed to work this task.
        Context.getCommandContext().runWithoutAuthorization(() -> {
            task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), note);
            return null;
        });
    }

    private static OfficerRole role(DelegateTask task, String mdaCode) {
        return TaskDates.level(task.getCandidates(), mdaCode).orElseThrow(() -> new IllegalStateException(
                "Task " + task.getTaskDefinitionKey() + " has no candidate group of " + mdaCode));
    }

    private static List<String> requestedDocuments(DelegateTask task) {
        String kinds = trimmed((String) task.getVariable(ProcessVariables.REQUESTED_DOCUMENTS));
        if (kinds == null) {
            return List.of();
        }
        List<String> list = Arrays.stream(kinds.split("[,\\s]+")).filter(k -> !k.isBlank()).distinct().toList();
        for (String kind : list) {
            if (!kind.matches("[a-z][a-z0-9-]{1,62}")) {
                throw new OneDoorException("review.documents-invalid", HttpStatus.BAD_REQUEST,
                        "Name documents by their kind, such as national-id, premises-lease; not '" + kind + "'.");
            }
        }
        return list;
    }

    private static String officer(DelegateTask task) {
        String current = Officers.current(task);
        return current != null ? current : task.getAssignee();
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
