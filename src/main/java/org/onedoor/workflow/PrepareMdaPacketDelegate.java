package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onedoor.dispatch.MdaDeliveries;
import org.onedoor.lifecycle.Lifecycle;
import org.springframework.stereotype.Component;

/** The MDA's part begins: its request packet's id is fixed before the first attempt, unless the request ended. */
@Component("prepareMdaPacket")
public class PrepareMdaPacketDelegate implements JavaDelegate {

    private final Lifecycle lifecycle;
    private final MdaDeliveries deliveries;

    public PrepareMdaPacketDelegate(Lifecycle lifecycle, MdaDeliveries deliveries) {
        this.lifecycle = lifecycle;
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String trackingNumber = (String) execution.getVariable(ProcessVariables.TRACKING_NUMBER);
        String mdaCode = (String) execution.getVariable(ProcessVariables.MDA_CODE);
        if (lifecycle.startLeg(trackingNumber, mdaCode)) {
            deliveries.prepare(trackingNumber, mdaCode);
        }
    }
}
