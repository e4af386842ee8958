package org.onedoor.workflow;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.onedoor.casework.CalendarChanged;
import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.sla.SlaClocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An officer's task's dates: due when its level's share of the leg's SLA ends (the leg's clock, paused days
 * included), followed up from two working days before. Set when the task is created, read by the task's reminder and
 * escalation timers in {@code OfficerReview.bpmn}, and computed anew (timers included) for every open task when a
 * public holiday is added or removed.
 */
@Component
public class TaskDates {

    /** Tasklist's "due within 2 working days" filter lists a task from its follow-up date on. */
    static final int DUE_SOON_WORKING_DAYS = 2;
    private static final int PAGE = 500;
    /** The transient variable holding a starting task's dates. */
    private static final String DATES = "onedoorTaskDates";
    /** Days an overdue task is looked at again: escalation reaches the head of the MDA long before. */
    private static final int OVERDUE_DAYS = 60;
    private static final Logger log = LoggerFactory.getLogger(TaskDates.class);

    private final SlaClocks clocks;
    private final WorkingDayCalendar calendar;
    private final TaskService tasks;
    private final ManagementService management;

    TaskDates(SlaClocks clocks, WorkingDayCalendar calendar, TaskService tasks, ManagementService management) {
        this.clocks = clocks;
        this.calendar = calendar;
        this.tasks = tasks;
        this.management = management;
    }

    /** Serializable only so that the engine types it; it is kept transient, never written. */
    record Dates(Date due, Date followUp) implements Serializable {
    }

    /** The dates of a task at {@code role} in a chain of {@code levels}; {@code fallbackDue} where the leg has no clock. */
    Dates of(String trackingNumber, String mdaCode, OfficerRole role, int levels, Date fallbackDue) {
        Date due = clocks.taskDue(trackingNumber, mdaCode, role.ordinal() + 1, levels)
                .map(lastDay -> Date.from(lastDay.plusDays(1).atStartOfDay(calendar.zone()).toInstant()))
                .orElse(fallbackDue);
        if (due == null) {
            return new Dates(null, null);
        }
        LocalDate lastDay = lastDay(due, calendar.zone());
        return new Dates(due, Date.from(calendar.workingDaysBefore(lastDay, DUE_SOON_WORKING_DAYS)
                .atStartOfDay(calendar.zone()).toInstant()));
    }

    /** The last working day of a due date, which is the start of the day after it. */
    static LocalDate lastDay(Date due, ZoneId zone) {
        return LocalDate.ofInstant(due.toInstant().minusMillis(1), zone);
    }

    /**
     * The task's level: the role of its candidate group, so the BPMN's element ids do not matter; the lowest one when
     * an overdue task was handed up and has the level above as a candidate too.
     */
    static Optional<OfficerRole> level(Collection<? extends IdentityLink> links, String mdaCode) {
        return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .flatMap(l -> OfficerRole.ofGroup(mdaCode, l.getGroupId()).stream()).min(Comparator.naturalOrder());
    }

    /** When the officer's task at {@code level} is followed up: the BPMN's follow-up timer, before the task exists. */
    public Date followUp(DelegateExecution execution, int level) {
        return of(execution, level).followUp();
    }

    /**
     * The overdue timer of the task at {@code level}: at its due date, then every day at the same hour (the escalation
     * decides each day whether a step is due), for as long as the task can stay open in practice. A task already late
     * when it is created (its leg started late) starts the cycle a minute later: the engine would skip the days gone
     * by and fire first tomorrow.
     */
    public String overdueCycle(DelegateExecution execution, int level) {
        Date due = of(execution, level).due();
        Date soon = new Date(ClockUtil.getCurrentTime().getTime() + 60_000);
        Date start = due.before(soon) ? soon : due;
        return "R" + OVERDUE_DAYS + "/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.toInstant()
                .atZone(calendar.zone())) + "/P1D";
    }

    /**
     * The dates of the task at {@code level} as its activity starts: its two timers and the task itself ask in the same
     * transaction, so the leg's clock is read once and kept on the activity's execution, transiently.
     */
    Dates of(DelegateExecution execution, int level) {
        if (execution.getVariableLocal(DATES) instanceof Dates dates) {
            return dates;
        }
        Dates dates = of((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                (String) execution.getVariable(ProcessVariables.MDA_CODE), OfficerRole.values()[level - 1],
                ((Number) execution.getVariable(ProcessVariables.REVIEW_LEVELS)).intValue(),
                (Date) execution.getVariable(ProcessVariables.DUE_DATE));
        execution.setVariableLocal(DATES, Variables.objectValue(dates, true).create());
        return dates;
    }

    /** A holiday added or removed moves every open clock: each open review task gets its dates anew. */
    @EventListener
    void calendarChanged(CalendarChanged holiday) {
        int moved = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().processDefinitionKey(MdaWork.OFFICER_REVIEW).active()
                    .orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                try {
                    moved += redate(task) ? 1 : 0;
                } catch (OptimisticLockingException e) {
                    // Someone worked the task meanwhile: date it as it is now.
                    Task now = tasks.createTaskQuery().taskId(task.getId()).active().singleResult();
                    moved += now != null && redate(now) ? 1 : 0;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        log.info("Public holiday {} ({}): {} open task(s) have new dates", holiday.day(), holiday.name(), moved);
    }

    private boolean redate(Task task) {
        Map<String, Object> variables = tasks.getVariables(task.getId(), List.of(ProcessVariables.TRACKING_NUMBER,
                ProcessVariables.MDA_CODE, ProcessVariables.REVIEW_LEVELS));
        String mdaCode = (String) variables.get(ProcessVariables.MDA_CODE);
        if (!(variables.get(ProcessVariables.REVIEW_LEVELS) instanceof Number levels)) {
            return false;
        }
        OfficerRole role = level(tasks.getIdentityLinksForTask(task.getId()), mdaCode).orElse(null);
        if (role == null) {
            return false;
        }
        Dates dates = of((String) variables.get(ProcessVariables.TRACKING_NUMBER), mdaCode, role, levels.intValue(),
                task.getDueDate());
        if (dates.due() == null || dates.due().equals(task.getDueDate()) && dates.followUp().equals(task.getFollowUpDate())) {
            return false;
        }
        task.setDueDate(dates.due());
        task.setFollowUpDate(dates.followUp());
        tasks.saveTask(task);
        // The task's reminder and escalation timers compute their dates anew from the same clock.
        management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()
                .forEach(job -> management.recalculateJobDuedate(job.getId(), false));
        return true;
    }
}
