package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.dispatch.DeliveryRefusedException;
import org.onedoor.dispatch.MdaDeliveries;
import org.springframework.stereotype.Component;

/**
 * Sends the prepared packet to the MDA system, in its own job. A refusal by the MDA (the deliveries have rejected
 * its part, and so the request) is a BPMN error that ends the part; any other failure leaves this method and
 * becomes a job retry, then an incident.
 */
@Component("sendMdaPacket")
public class SendMdaPacketDelegate implements JavaDelegate {

    private final MdaDeliveries deliveries;

    public SendMdaPacketDelegate(MdaDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            deliveries.send((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                    (String) execution.getVariable(ProcessVariables.MDA_CODE));
        } catch (DeliveryRefusedException refused) {
            throw new BpmnError(DeliveryRefusedException.CODE, refused.getMessage());
        }
    }
}
