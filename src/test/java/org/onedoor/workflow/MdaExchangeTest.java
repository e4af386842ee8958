package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.dispatch.DeliveryFailedException;
import org.onedoor.dispatch.DeliveryRefusedException;
import org.onedoor.tracking.RequestStatus;

/** The exchange with one MDA system, started as the services start it, with the fire service's connector. */
@Deployment(resources = "processes/common/MdaExchange.bpmn")
class MdaExchangeTest extends ProcessTestSupport {

    private ProcessInstance start() {
        return extension.getProcessEngine().getRuntimeService().startProcessInstanceByKey("MdaExchange",
                "ODSC-2026-000020-3", Map.of(ProcessVariables.TRACKING_NUMBER, "ODSC-2026-000020-3",
                        ProcessVariables.MDA_CODE, "fire-service"));
    }

    private UUID packetId(ProcessInstance pi) {
        return UUID.fromString((String) extension.getProcessEngine().getRuntimeService()
                .getVariable(pi.getId(), ProcessVariables.PACKET_ID));
    }

    @Test
    void thePacketIdIsFixedBeforeTheSendWhichRunsInItsOwnJob() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendPacket");
        UUID id = packetId(pi);
        verify(deliveries).prepare("ODSC-2026-000020-3", "fire-service");

        execute(job(pi));
        verify(deliveries).send(id);
        assertThat(pi).isWaitingAt("Event_Acknowledged");
    }

    @Test
    void acceptedAndApprovedEndsNormally() {
        ProcessInstance pi = start();
        execute(job(pi));
        correlate(pi, MdaAnswerCorrelator.ACKNOWLEDGED, "accepted");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Event_Decided");
        correlate(pi, MdaAnswerCorrelator.DECIDED, "approved");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    void aRejectionIsTheServicesRejection() {
        ProcessInstance pi = start();
        execute(job(pi));
        correlate(pi, MdaAnswerCorrelator.ACKNOWLEDGED, "accepted");
        execute(job(pi));
        correlate(pi, MdaAnswerCorrelator.DECIDED, "rejected");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("End_Rejected");
    }

    @Test
    void moreInformationNeededOrIncompleteReturnsTheRequest() {
        ProcessInstance info = start();
        execute(job(info));
        correlate(info, MdaAnswerCorrelator.ACKNOWLEDGED, "accepted");
        execute(job(info));
        correlate(info, MdaAnswerCorrelator.DECIDED, "info-needed");
        execute(job(info));
        assertThat(info).isEnded().hasPassed("End_InfoNeeded");

        ProcessInstance incomplete = start();
        execute(job(incomplete));
        correlate(incomplete, MdaAnswerCorrelator.ACKNOWLEDGED, "incomplete");
        execute(job(incomplete));
        assertThat(incomplete).isEnded().hasPassed("End_Incomplete");
    }

    @Test
    void aRefusalIsHandledByTheProcessAndToldToTheCitizen() {
        ProcessInstance pi = start();
        doThrow(new DeliveryRefusedException("Fire Service", "packet.clock-skew", "too old"))
                .when(deliveries).send(any());
        execute(job(pi));
        assertThat(pi).as("the refusal reaches the service in a job of its own").isWaitingAt("End_DeliveryRefused");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Boundary_DeliveryRefused", "End_DeliveryRefused");
        verify(timeline).record(eq("ODSC-2026-000020-3"), eq(RequestStatus.IN_PROGRESS), eq("fire-service"), any(),
                isNull());
    }

    @Test
    void aTechnicalFailureIsRetriedByTheJobOnTheConnectorsCycleAndEveryRetrySendsTheSameId() {
        ProcessInstance pi = start();
        UUID id = packetId(pi);
        doThrow(new DeliveryFailedException("connection refused", null)).when(deliveries).send(any());
        Job send = job(pi);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                extension.getProcessEngine().getManagementService().executeJob(send.getId());
            } catch (DeliveryFailedException expected) {
                // the engine records the failure on the job
            }
        }
        Job failed = extension.getProcessEngine().getManagementService().createJobQuery().jobId(send.getId()).singleResult();
        assertThat(failed.getRetries()).as("R5/PT1M from connectors/fire-service: five attempts, then an incident").isZero();
        assertThat(failed.getExceptionMessage()).contains("connection refused");
        assertThat(extension.getProcessEngine().getRuntimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).count()).isOne();
        verify(deliveries, times(5)).send(id);
        assertThat(pi).isWaitingAt("Task_SendPacket");
    }
}
