package org.onedoor.workflow;

import java.util.List;

import org.onedoor.dispatch.MdaDeliveries;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.springframework.stereotype.Component;

/**
 * How an MDA takes part, read from its connector and never from the process: the service process calls
 * {@code ${mdaWork.process(mdaCode)}}, so switching an MDA between its officers in the task list and its own
 * system is a change of its {@code connector.yaml} alone. Used from BPMN as {@code mdaWork}.
 */
@Component("mdaWork")
public class MdaWork {

    static final String OFFICER_REVIEW = "OfficerReview";
    static final String MDA_EXCHANGE = "MdaExchange";

    private final ConnectorRegistry connectors;
    private final MdaDeliveries deliveries;

    public MdaWork(ConnectorRegistry connectors, MdaDeliveries deliveries) {
        this.connectors = connectors;
        this.deliveries = deliveries;
    }

    /** The process the MDA's part runs in: its officers' review, or the exchange with its system. */
    public String process(String mdaCode) {
        return processFor(connectors.get(mdaCode).mode());
    }

    static String processFor(Connector.Mode mode) {
        return mode.hasSystem() ? MDA_EXCHANGE : OFFICER_REVIEW;
    }

    /** The delivery job's retry cycle from the connector, e.g. {@code R5/PT1M}. */
    public String retryCycle(String mdaCode) {
        return connectors.retryCycle(connectors.get(mdaCode));
    }

    /** The MDA systems that had the request when it ended and must be told, one job each. */
    public List<String> toTellOfEnd(String trackingNumber) {
        return deliveries.cancellationsToSend(trackingNumber);
    }
}
