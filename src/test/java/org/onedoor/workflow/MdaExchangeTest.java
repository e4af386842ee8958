package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.dispatch.DeliveryFailedException;
import org.onedoor.dispatch.DeliveryRefusedException;

/** The exchange with one MDA system, started as the service process starts it, with the fire service's connector. */
@Deployment(resources = "processes/common/MdaExchange.bpmn")
class MdaExchangeTest extends ProcessTestSupport {

    private static final String FIRE = "fire-service";

    private ProcessInstance start() {
        return engine().getRuntimeService().startProcessInstanceByKey("MdaExchange", TRACKING_NUMBER,
                Map.of(ProcessVariables.TRACKING_NUMBER, TRACKING_NUMBER, ProcessVariables.MDA_CODE, FIRE));
    }

    private void decided(ProcessInstance pi, String decision) {
        message(pi, ProcessVariables.MDA_DECIDED, Map.of(ProcessVariables.MDA_DECISION, decision));
    }

    @Test
    void thePacketIdIsFixedBeforeTheSendWhichRunsInItsOwnJob() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_SendPacket");
        verify(lifecycle).startLeg(TRACKING_NUMBER, FIRE);
        verify(deliveries).prepare(TRACKING_NUMBER, FIRE);

        execute(job(pi));
        verify(deliveries).send(TRACKING_NUMBER, FIRE);
        assertThat(pi).isWaitingAt("Gateway_AwaitMda");
    }

    @Test
    void aRequestThatEndedBeforeTheMdasTurnPreparesNoPacket() {
        when(lifecycle.startLeg(TRACKING_NUMBER, FIRE)).thenReturn(false);
        start();
        verify(deliveries, never()).prepare(any(), any());
    }

    @Test
    void anApprovalEndsThePart() {
        ProcessInstance pi = start();
        execute(job(pi));
        decided(pi, "APPROVED");
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    void aRejectionEndsThePart() {
        ProcessInstance pi = start();
        execute(job(pi));
        decided(pi, "REJECTED");
        assertThat(pi).isEnded().hasPassed("End_Rejected");
    }

    @Test
    void aRequestForInformationWaitsForTheApplicantSendsTheAnswerInAJobAndWaitsForTheDecisionAgain() {
        ProcessInstance pi = start();
        execute(job(pi));
        message(pi, ProcessVariables.MDA_REQUESTED_INFORMATION, Map.of());
        assertThat(pi).isWaitingAt("Gateway_AwaitApplicant");

        message(pi, ProcessVariables.APPLICANT_ANSWERED, Map.of());
        assertThat(pi).isWaitingAt("Task_SendInformation");
        execute(job(pi));
        verify(deliveries).sendInformation(TRACKING_NUMBER, FIRE);
        assertThat(pi).isWaitingAt("Gateway_AwaitMda");

        message(pi, ProcessVariables.MDA_REQUESTED_INFORMATION, Map.of());
        message(pi, ProcessVariables.APPLICANT_ANSWERED, Map.of());
        execute(job(pi));
        decided(pi, "APPROVED");
        assertThat(pi).isEnded().hasPassed("End_Approved");
        verify(deliveries, times(2)).sendInformation(TRACKING_NUMBER, FIRE);
    }

    @Test
    void theMdaMayDecideWithoutWaitingForTheAnswer() {
        ProcessInstance pi = start();
        execute(job(pi));
        message(pi, ProcessVariables.MDA_REQUESTED_INFORMATION, Map.of());
        decided(pi, "REJECTED");
        assertThat(pi).isEnded().hasPassed("Event_DecidedWhileWaiting", "End_Rejected");
    }

    @Test
    void aRefusalEndsThePart() {
        ProcessInstance pi = start();
        doThrow(new DeliveryRefusedException("Fire Service", "packet.clock-skew", "too old"))
                .when(deliveries).send(TRACKING_NUMBER, FIRE);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Boundary_DeliveryRefused", "End_Refused");
    }

    @Test
    void aTechnicalFailureIsRetriedByTheJobOnTheConnectorsCycleThenAnIncident() {
        ProcessInstance pi = start();
        doThrow(new DeliveryFailedException("connection refused", null)).when(deliveries).send(TRACKING_NUMBER, FIRE);
        Job send = job(pi);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                engine().getManagementService().executeJob(send.getId());
            } catch (DeliveryFailedException expected) {
                // the engine records the failure on the job
            }
        }
        Job failed = engine().getManagementService().createJobQuery().jobId(send.getId()).singleResult();
        assertThat(failed.getRetries()).as("R5/PT1M from connectors/fire-service: five attempts, then an incident").isZero();
        assertThat(failed.getExceptionMessage()).contains("connection refused");
        assertThat(engine().getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
        verify(deliveries, times(5)).send(TRACKING_NUMBER, FIRE);
        assertThat(pi).isWaitingAt("Task_SendPacket");
    }
}
