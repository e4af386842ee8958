package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.dispatch.MdaDeliveries;
import org.springframework.stereotype.Component;

/** Sends the applicant's answer to the MDA's system that asked, in a job of its own with the delivery's retries. */
@Component("sendInformation")
public class SendInformationDelegate implements JavaDelegate {

    private final MdaDeliveries deliveries;

    public SendInformationDelegate(MdaDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.sendInformation((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                (String) execution.getVariable(ProcessVariables.MDA_CODE));
    }
}
