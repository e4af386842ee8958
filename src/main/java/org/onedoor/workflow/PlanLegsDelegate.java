package org.onedoor.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.lifecycle.Lifecycle;
import org.springframework.stereotype.Component;

/**
 * Records the routing's legs in the request's lifecycle, which puts the request in progress. In the same
 * transaction the process starts to listen for the request's end, so that no withdrawal falls between the two.
 */
@Component("planLegs")
public class PlanLegsDelegate implements JavaDelegate {

    private final Lifecycle lifecycle;
    private final RoutingPlan routingPlan;

    public PlanLegsDelegate(Lifecycle lifecycle, RoutingPlan routingPlan) {
        this.lifecycle = lifecycle;
        this.routingPlan = routingPlan;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> routing = (List<Map<String, Object>>) execution.getVariable(ProcessVariables.ROUTING);
        boolean open = lifecycle.plan((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                routingPlan.legs(routing));
        execution.setVariable(ProcessVariables.REQUEST_OPEN, open);
    }
}
