package org.onedoor.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.tracking.GrievanceAppealed;
import org.onedoor.tracking.GrievanceFiled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code Grievance} process beside the tracking package's record of each grievance: starts it when one is
 * filed and brings it the citizen's appeal, in the transaction of the filing or the appeal. Business key: the
 * request's tracking number; the grievance is the variable {@code grievanceId}.
 */
@Component
class GrievanceProcess {

    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;

    GrievanceProcess(RuntimeService runtime, WorkingDayCalendar calendar) {
        this.runtime = runtime;
        this.calendar = calendar;
    }

    @EventListener
    void filed(GrievanceFiled grievance) {
        runtime.startProcessInstanceByKey(ProcessVariables.GRIEVANCE_PROCESS, grievance.trackingNumber(), Map.of(
                ProcessVariables.GRIEVANCE_ID, grievance.id(),
                ProcessVariables.TRACKING_NUMBER, grievance.trackingNumber(),
                ProcessVariables.MDA_CODE, grievance.mdaCode(),
                ProcessVariables.GRIEVANCE_DUE, endOf(grievance.dueBy())));
    }

    @EventListener
    void appealed(GrievanceAppealed appeal) {
        runtime.createMessageCorrelation(ProcessVariables.GRIEVANCE_APPEALED)
                .processInstanceVariableEquals(ProcessVariables.GRIEVANCE_ID, appeal.id())
                .setVariable(ProcessVariables.APPEAL_DUE, endOf(appeal.appealDueBy()))
                .correlate();
    }

    /** A due day lasts to its end in the calendar's zone: the timer fires when the day is over. */
    Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }
}
