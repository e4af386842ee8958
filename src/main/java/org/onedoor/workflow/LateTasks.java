package org.onedoor.workflow;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.mda.Organogram;
import org.onedoor.sla.Escalations;
import org.onedoor.sla.Escalations.Escalation;
import org.onedoor.sla.Escalations.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What OneDoor does about an officer's task that is late, when {@code OfficerReview}'s timers say so: at the task's
 * follow-up date it reminds the officer (or the level's group); at its due date it tells the position the officer's
 * position reports to in the MDA's organogram; after each further grace period
 * ({@code onedoor.escalation.grace-working-days}) it hands the task one position up, to the head of the MDA at most.
 * Each step is written in the task's history (a comment) and recorded in {@link Escalations}; a step already taken
 * is not taken twice.
 */
@Component
class LateTasks {

    private static final Logger log = LoggerFactory.getLogger(LateTasks.class);
    /** Task-local: the organogram position the task's escalation climbs from. */
    static final String BASE_POSITION = "escalationBase";

    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final Escalations escalations;
    private final ConnectorRegistry connectors;
    private final int graceWorkingDays;

    LateTasks(TaskService tasks, WorkingDayCalendar calendar, Escalations escalations, ConnectorRegistry connectors,
            @Value("${onedoor.escalation.grace-working-days:2}") int graceWorkingDays) {
        this.tasks = tasks;
        this.calendar = calendar;
        this.escalations = escalations;
        this.connectors = connectors;
        this.graceWorkingDays = graceWorkingDays;
    }

    /** The officer's open task of this part of the request, as the timer's path runs beside it. */
    private Task openTask(DelegateExecution execution) {
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().singleResult();
    }

    void remind(DelegateExecution execution) {
        Task task = openTask(execution);
        if (task == null || task.getDueDate() == null || escalations.count(task.getId(), Step.REMINDER) > 0) {
            return;
        }
        String mdaCode = (String) execution.getVariable(ProcessVariables.MDA_CODE);
        OfficerRole level = level(task, mdaCode);
        String to = task.getAssignee() != null ? task.getAssignee() : level.group(mdaCode);
        LocalDate due = dueDay(task);
        long left = calendar.workingDaysBetween(today(), due);
        take(execution, task, level, Step.REMINDER, to, due, (int) -left,
                "Reminder to " + to + ": due on " + due + ", " + left + " working day(s) left.");
    }

    void escalate(DelegateExecution execution) {
        Task task = openTask(execution);
        if (task == null || task.getDueDate() == null) {
            return;
        }
        String mdaCode = (String) execution.getVariable(ProcessVariables.MDA_CODE);
        LocalDate due = dueDay(task);
        int late = (int) -calendar.workingDaysBetween(today(), due);
        if (late < 0) {
            return; // a timer computed before a holiday moved the date
        }
        Organogram chart = connectors.organogram(mdaCode);
        OfficerRole level = level(task, mdaCode);
        // The position the task started from, remembered at the first step: handing up clears the assignee.
        Object remembered = tasks.getVariableLocal(task.getId(), BASE_POSITION);
        Organogram.Position base = (remembered != null ? chart.position(remembered.toString())
                : chart.at(level, task.getAssignee())).orElseThrow();
        tasks.setVariableLocal(task.getId(), BASE_POSITION, base.id());
        List<Organogram.Position> above = chart.above(base);
        if (escalations.count(task.getId(), Step.OVERDUE) == 0) {
            Organogram.Position supervisor = above.isEmpty() ? base : above.get(0);
            take(execution, task, level, Step.OVERDUE, supervisor.id(), due, late, "Overdue since " + due + ": "
                    + who(mdaCode, supervisor) + " told.");
        }
        int handedUp = escalations.count(task.getId(), Step.REASSIGNED);
        if (late >= graceWorkingDays * (handedUp + 1) && handedUp < above.size()) {
            Organogram.Position next = above.get(handedUp);
            if (next.level() != null) {
                tasks.addCandidateGroup(task.getId(), next.level().group(mdaCode));
            } else {
                next.holders().forEach(holder -> tasks.addCandidateUser(task.getId(), holder));
            }
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
            take(execution, task, level, Step.REASSIGNED, next.id(), due, late, "Not decided " + late
                    + " working day(s) after its due date " + due + ": handed to " + who(mdaCode, next) + ".");
        }
    }

    private void take(DelegateExecution execution, Task task, OfficerRole level, Step step, String to, LocalDate due,
            int late, String reason) {
        String trackingNumber = (String) execution.getVariable(ProcessVariables.TRACKING_NUMBER);
        String mdaCode = (String) execution.getVariable(ProcessVariables.MDA_CODE);
        escalations.record(new Escalation(trackingNumber, mdaCode, task.getId(), level.name(), step, to, due, late,
                ClockUtil.getCurrentTime().toInstant(), reason));
        // OneDoor's own note in the task's history, whoever may or may not work the task.
        Context.getCommandContext().runWithoutAuthorization(() -> {
            tasks.createComment(task.getId(), task.getProcessInstanceId(), reason);
            return null;
        });
        log.info("{} {} of {}: {}", step, task.getId(), trackingNumber, reason);
    }

    /** "Section head, licensing (city-corporation-head)": the position and who holds it, by name or by group. */
    private static String who(String mdaCode, Organogram.Position position) {
        String holders = !position.holders().isEmpty() ? String.join(", ", position.holders())
                : position.level() != null ? position.level().group(mdaCode) : "nobody";
        return position.title() + " (" + holders + ")";
    }

    private OfficerRole level(Task task, String mdaCode) {
        return TaskDates.level(tasks.getIdentityLinksForTask(task.getId()), mdaCode).orElseThrow();
    }

    private LocalDate dueDay(Task task) {
        return TaskDates.lastDay(task.getDueDate(), calendar.zone());
    }

    /** The engine's time, which tests move with the engine's clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    }
}
