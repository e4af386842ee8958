package org.onedoor.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.intake.RequestReleased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the service's process (the common {@code ServiceRequest} unless the service brings its own) for a request
 * released to be worked, inside the transaction that filed it (or recorded the payment it waited for), with the tracking number as business key. The form fields
 * and the kinds of the documents filed become variables so that the routing rules can read them.
 */
@Component
class RequestProcessStarter {

    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;

    RequestProcessStarter(RuntimeService runtime, WorkingDayCalendar calendar) {
        this.runtime = runtime;
        this.calendar = calendar;
    }

    @EventListener
    void start(RequestReleased request) {
        Map<String, Object> variables = new HashMap<>(request.fields());
        variables.put(ProcessVariables.TRACKING_NUMBER, request.trackingNumber());
        variables.put(ProcessVariables.SERVICE_CODE, request.serviceCode());
        variables.put(ProcessVariables.APPLICANT_NAME, request.applicantName());
        variables.put(ProcessVariables.DOCUMENTS, new ArrayList<>(request.documentKinds()));
        variables.put(ProcessVariables.PRIORITY, request.priority());
        variables.put(ProcessVariables.ROUTING_DECISION, request.routingDecision());
        variables.put(ProcessVariables.DUE_DATE,
                Date.from(request.expectedBy().plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
        runtime.startProcessInstanceByKey(request.processId(), request.trackingNumber(), variables);
    }
}
