package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.dispatch.MdaDeliveries;
import org.springframework.stereotype.Component;

/** Tells one MDA's system that the request ended, in a job of its own with the delivery's retries. */
@Component("sendCancellation")
public class SendCancellationDelegate implements JavaDelegate {

    private final MdaDeliveries deliveries;

    public SendCancellationDelegate(MdaDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.sendCancellation((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                (String) execution.getVariable(ProcessVariables.MDA_CODE));
    }
}
