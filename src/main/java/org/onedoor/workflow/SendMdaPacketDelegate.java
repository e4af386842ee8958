package org.onedoor.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.dispatch.DeliveryRefusedException;
import org.onedoor.dispatch.MdaDeliveries;
import org.onedoor.tracking.RequestStatus;
import org.onedoor.tracking.Timeline;
import org.springframework.stereotype.Component;

/**
 * Sends the prepared packet to the MDA system, in its own job. A refusal by the MDA is a BPMN error the process
 * handles; any other failure leaves this method and becomes a job retry, then an incident.
 */
@Component("sendMdaPacket")
public class SendMdaPacketDelegate implements JavaDelegate {

    private final MdaDeliveries deliveries;
    private final Timeline timeline;

    public SendMdaPacketDelegate(MdaDeliveries deliveries, Timeline timeline) {
        this.deliveries = deliveries;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            deliveries.send(UUID.fromString((String) execution.getVariable(ProcessVariables.PACKET_ID)));
        } catch (DeliveryRefusedException refused) {
            timeline.record((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER), RequestStatus.IN_PROGRESS,
                    (String) execution.getVariable(ProcessVariables.MDA_CODE), refused.getMessage(), null);
            throw new BpmnError(DeliveryRefusedException.CODE, refused.getMessage());
        }
    }
}
