package org.onedoor.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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
 * included), followed up from two working days before. Set when the task is created and computed anew for every open
 * task when a public holiday is added.
 */
@Component
public class TaskDates {

    /** Tasklist's "due within 2 working days" filter lists a task from its follow-up date on. */
    static final int DUE_SOON_WORKING_DAYS = 2;
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(TaskDates.class);

    private final SlaClocks clocks;
    private final WorkingDayCalendar calendar;
    private final TaskService tasks;

    TaskDates(SlaClocks clocks, WorkingDayCalendar calendar, TaskService tasks) {
        this.clocks = clocks;
        this.calendar = calendar;
        this.tasks = tasks;
    }

    record Dates(Date due, Date followUp) {
    }

    /** The dates of a task at {@code role} in a chain of {@code levels}; {@code fallbackDue} where the leg has no clock. */
    Dates of(String trackingNumber, String mdaCode, OfficerRole role, int levels, Date fallbackDue) {
        Date due = clocks.taskDue(trackingNumber, mdaCode, role.ordinal() + 1, levels)
                .map(lastDay -> Date.from(lastDay.plusDays(1).atStartOfDay(calendar.zone()).toInstant()))
                .orElse(fallbackDue);
        if (due == null) {
            return new Dates(null, null);
        }
        LocalDate lastDay = LocalDate.ofInstant(due.toInstant().minusMillis(1), calendar.zone());
        return new Dates(due, Date.from(calendar.workingDaysBefore(lastDay, DUE_SOON_WORKING_DAYS)
                .atStartOfDay(calendar.zone()).toInstant()));
    }

    /** A holiday added or removed moves every open clock: each open review task gets its dates anew. */
    @EventListener
    void calendarChanged(CalendarChanged holiday) {
        int moved = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().processDefinitionKey(MdaWork.OFFICER_REVIEW).active()
                    .orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                moved += redate(task) ? 1 : 0;
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
        OfficerRole role = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .flatMap(l -> OfficerRole.ofGroup(mdaCode, l.getGroupId()).stream()).findFirst().orElse(null);
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
        return true;
    }
}
