package org.onedoor.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.onedoor.casework.Absences;
import org.onedoor.casework.Absences.Absence;
import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Acting officers: while an officer is absent, the review tasks assigned to them (open ones when the absence starts,
 * new ones as they come back to them) go to the acting officer they named, who must hold the same review levels in
 * the same MDA; when the absence ends, the tasks still open go back. Each handover is a comment in the task's history
 * and a row of {@code absence_handover}. The four-eyes rule still holds: it looks at who decided, acting or not.
 */
@Component
public class ActingOfficers {

    private static final Logger log = LoggerFactory.getLogger(ActingOfficers.class);
    static final String ADMINISTRATORS = "camunda-admin";

    private final Absences absences;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ConnectorRegistry connectors;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    ActingOfficers(Absences absences, TaskService tasks, IdentityService identity, ConnectorRegistry connectors,
            WorkingDayCalendar calendar, Clock clock) {
        this.absences = absences;
        this.tasks = tasks;
        this.identity = identity;
        this.connectors = connectors;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What an officer or an administrator records; {@code officer} defaults to whoever records it. */
    public record NewAbsence(String officer, String mdaCode, LocalDate from, LocalDate to, String actingOfficer,
            String reason) {
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    boolean administrator(String user) {
        return identity.createUserQuery().userId(user).memberOfGroup(ADMINISTRATORS).count() > 0;
    }

    /** Checks and records an absence; tasks are handed over at once if it has begun. */
    public Absence record(NewAbsence request, String by) {
        String officer = request.officer() == null ? by : request.officer();
        if (!officer.equals(by) && !administrator(by)) {
            throw new OneDoorException("absence.forbidden", HttpStatus.FORBIDDEN,
                    "Only the officer or an administrator records an officer's absence.");
        }
        List<Violation> problems = new ArrayList<>();
        if (request.mdaCode() == null || connectors.find(request.mdaCode()).isEmpty()) {
            problems.add(new Violation("mdaCode", "field.invalid",
                    "Name the MDA by its code, such as city-corporation."));
        }
        if (request.from() == null || request.to() == null || request.to().isBefore(request.from())) {
            problems.add(new Violation("to", "field.invalid",
                    "Give the first and the last day; the last not before the first."));
        } else if (request.to().isBefore(today())) {
            problems.add(new Violation("to", "field.invalid", "The absence is over already."));
        }
        if (request.reason() != null && request.reason().length() > 500) {
            problems.add(new Violation("reason", "field.too-long", "At most 500 characters."));
        }
        if (request.actingOfficer() == null || request.actingOfficer().equals(officer)) {
            problems.add(new Violation("actingOfficer", "field.invalid",
                    "Name another officer to act for " + officer + "."));
        }
        if (!problems.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The absence has " + problems.size() + " problem(s); see errors.", problems);
        }
        List<String> groups = levelGroups(officer, request.mdaCode());
        if (groups.isEmpty()) {
            throw new OneDoorException("absence.not-an-officer", HttpStatus.UNPROCESSABLE_ENTITY, officer
                    + " reviews no request of " + request.mdaCode() + ": they are in none of its officers' groups.");
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(request.actingOfficer()).memberOfGroup(group).count() == 0) {
                throw new OneDoorException("absence.acting-officer-not-eligible", HttpStatus.UNPROCESSABLE_ENTITY,
                        request.actingOfficer() + " cannot act for " + officer + ": not a member of " + group + ".",
                        List.of(new Violation("actingOfficer", "absence.acting-officer-not-eligible",
                                "Not a member of " + group + ", one of the absent officer's groups.")));
            }
        }
        if (!absences.overlapping(officer, request.from(), request.to()).isEmpty()) {
            throw new OneDoorException("absence.overlaps", HttpStatus.CONFLICT, officer
                    + " is already recorded absent on some of these days; cancel that absence first.");
        }
        if (!absences.overlapping(request.actingOfficer(), request.from(), request.to()).isEmpty()) {
            throw new OneDoorException("absence.acting-officer-absent", HttpStatus.CONFLICT,
                    request.actingOfficer() + " is absent on some of these days.");
        }
        Absence absence = new Absence(UUID.randomUUID().toString(), request.mdaCode(), officer, request.from(),
                request.to(), request.actingOfficer(), request.reason(), by, clock.instant(), null);
        absences.add(absence);
        log.info("{} recorded {} absent {}..{}, {} acting", by, officer, absence.startsOn(), absence.endsOn(),
                absence.actingOfficer());
        apply();
        return absence;
    }

    public void cancel(String id, String by) {
        Absence absence = absences.find(id).orElseThrow(() -> new OneDoorException("resource.not-found",
                HttpStatus.NOT_FOUND, "No absence " + id + "."));
        if (!absence.officer().equals(by) && !administrator(by)) {
            throw new OneDoorException("absence.forbidden", HttpStatus.FORBIDDEN,
                    "Only the officer or an administrator cancels an officer's absence.");
        }
        absences.cancel(id, clock.instant());
        apply();
    }

    /**
     * The absences not over yet that {@code user} may see: an administrator's or a supervisor's, every MDA's; an
     * officer's, those of the MDAs they review for.
     */
    public List<Absence> of(String mdaCode, String user) {
        boolean everyone = administrator(user)
                || identity.createUserQuery().userId(user).memberOfGroup(IdentitySetup.SUPERVISOR).count() > 0;
        List<String> mine = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return absences.of(mdaCode, today()).stream().filter(a -> everyone
                || mine.stream().anyMatch(g -> OfficerRole.ofGroup(a.mdaCode(), g).isPresent())).toList();
    }

    /** The review groups of the MDA the officer is a member of: what an acting officer must have too. */
    private List<String> levelGroups(String officer, String mdaCode) {
        return identity.createGroupQuery().groupMember(officer).list().stream().map(Group::getId)
                .filter(g -> OfficerRole.ofGroup(mdaCode, g).isPresent()).sorted().toList();
    }

    /** Hands over what absences that have begun should, and gives back what those that are over should. */
    @Scheduled(fixedDelayString = "${onedoor.absences.sweep-interval:60s}")
    public synchronized void apply() {
        LocalDate today = today();
        for (Absence absence : absences.current(today)) {
            for (Task task : tasks.createTaskQuery().processDefinitionKey(MdaWork.OFFICER_REVIEW).active()
                    .taskAssignee(absence.officer())
                    .processVariableValueEquals(ProcessVariables.MDA_CODE, absence.mdaCode()).list()) {
                tasks.setAssignee(task.getId(), absence.actingOfficer());
                handedOver(absence, task.getId(), task.getProcessInstanceId(), trackingNumber(task));
            }
        }
        for (Absences.Handover handover : absences.toReturn(today)) {
            Absence absence = absences.find(handover.absenceId()).orElseThrow();
            Task task = tasks.createTaskQuery().taskId(handover.taskId()).active().singleResult();
            if (task != null && absence.actingOfficer().equals(task.getAssignee())) {
                tasks.setAssignee(task.getId(), absence.officer());
                tasks.createComment(task.getId(), task.getProcessInstanceId(), "Back to " + absence.officer()
                        + " after their absence; " + absence.actingOfficer() + " acted for them.");
            }
            absences.returned(handover.absenceId(), handover.taskId(), clock.instant());
        }
    }

    /** For a task being created for {@code officer}: the acting officer it goes to instead, if they are absent. */
    Optional<String> actingFor(DelegateTask task, String mdaCode, String officer) {
        Optional<Absence> absence = absences.on(officer, today()).filter(a -> a.mdaCode().equals(mdaCode));
        absence.ifPresent(a -> Context.getCommandContext().runWithoutAuthorization(() -> {
            handedOver(a, task.getId(), task.getProcessInstanceId(),
                    (String) task.getVariable(ProcessVariables.TRACKING_NUMBER));
            return null;
        }));
        return absence.map(Absence::actingOfficer);
    }

    private void handedOver(Absence absence, String taskId, String processInstanceId, String trackingNumber) {
        if (!absences.handedOver(absence.id(), taskId, trackingNumber, clock.instant())) {
            return; // another node's sweep handed it over first
        }
        tasks.createComment(taskId, processInstanceId, absence.actingOfficer() + " acts for " + absence.officer()
                + ", absent " + absence.startsOn() + " to " + absence.endsOn() + ".");
    }

    private String trackingNumber(Task task) {
        return (String) tasks.getVariable(task.getId(), ProcessVariables.TRACKING_NUMBER);
    }
}
