package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.dispatch.MdaDeliveries;
import org.springframework.stereotype.Component;

/** Fixes the request packet's id before the first attempt, so that every retry of the send carries it. */
@Component("prepareMdaPacket")
public class PrepareMdaPacketDelegate implements JavaDelegate {

    private final MdaDeliveries deliveries;

    public PrepareMdaPacketDelegate(MdaDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String packetId = deliveries.prepare((String) execution.getVariable(ProcessVariables.TRACKING_NUMBER),
                (String) execution.getVariable(ProcessVariables.MDA_CODE)).toString();
        execution.getProcessInstance().setVariable(ProcessVariables.PACKET_ID, packetId);
    }
}
