package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.lifecycle.PlannedLeg;

/**
 * The common service process with the three services' routing tables: who takes part, stages, approval, and a
 * request that ends early (rejected, withdrawn) stopping every MDA's work and telling the MDA systems.
 */
@Deployment(resources = {"processes/common/ServiceRequest.bpmn", "processes/common/OfficerReview.bpmn",
        "processes/common/MdaExchange.bpmn", "processes/services/trade-licence/TradeLicenceRouting.dmn",
        "processes/services/land-mutation/LandMutationRouting.dmn",
        "processes/services/social-safety-net-allowance/SocialSafetyNetAllowanceRouting.dmn"})
class ServiceRequestTest extends ProcessTestSupport {

    private ProcessInstance file(String routing, Map<String, Object> fields) {
        ProcessInstance pi = engine().getRuntimeService().startProcessInstanceByKey("ServiceRequest", TRACKING_NUMBER,
                requestVariables(routing, fields));
        assertThat(pi).isWaitingAt("Start_RequestReceived");
        execute(job(pi));
        return pi;
    }

    private ProcessInstance tradeLicence(String category, long capital) {
        return file("TradeLicenceRouting", Map.of("businessCategory", category, "paidUpCapital", capital));
    }

    /** What {@link LegMessages} does when the lifecycle ends a request other than by approval. */
    private void requestEnded() {
        engine().getRuntimeService().createMessageCorrelation(ProcessVariables.REQUEST_ENDED)
                .processInstanceBusinessKey(TRACKING_NUMBER).correlateAll();
    }

    /** What the job executor does: every due job, until none is left. */
    private void runJobs() {
        for (List<Job> due = jobQuery().executable().list(); !due.isEmpty(); due = jobQuery().executable().list()) {
            due.forEach(job -> execute(job));
        }
    }

    @Test
    void anIndustrialBusinessIsClearedByThreeMdasInParallelTwoOfThemBySystem() {
        ProcessInstance pi = tradeLicence("industrial", 7_500_000L);
        assertThat(pi).isWaitingAt("Call_MdaLeg", "Event_RequestEnded");
        verify(lifecycle).plan(eq(TRACKING_NUMBER), eq(List.of(new PlannedLeg("city-corporation", 1, 3, false),
                new PlannedLeg("fire-service", 1, 1, true), new PlannedLeg("environment", 1, 1, true))));
        assertThat(openTasks()).as("only the city corporation works in the task list").isEqualTo(1);

        systemDecides("fire-service", "APPROVED");
        systemDecides("environment", "APPROVED");
        approve(taskOf("city-corporation-desk"));
        approve(taskOf("city-corporation-head"));
        assertThat(pi).isNotEnded();
        approve(taskOf("city-corporation-director"));

        assertThat(pi).isEnded().hasPassed("Task_RecordApproval", "End_Approved", "End_RequestDone")
                .hasNotPassed("End_StopWork", "Task_SendCancellation");
        verify(lifecycle).approve(TRACKING_NUMBER);
    }

    @Test
    void aSmallShopNeedsOnlyTheCityCorporationUpToTheSectionHead() {
        ProcessInstance pi = tradeLicence("retail", 300_000L);
        assertThat(openTasks()).isEqualTo(1);
        approve(taskOf("city-corporation-desk"));
        approve(taskOf("city-corporation-head"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    void landMutationRunsTheLandOfficeThenTheSubRegistry() {
        ProcessInstance pi = file("LandMutationRouting", Map.of("mutationReason", "sale"));
        assertThat(taskOf("sub-registry-desk")).as("the second stage waits for the first").isNull();
        approve(taskOf("land-office-desk"));
        approve(taskOf("land-office-head"));
        approve(taskOf("land-office-director"));
        assertThat(taskOf("sub-registry-desk")).isNotNull();
        approve(taskOf("sub-registry-desk"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    void aRejectionStopsTheOtherMdasAndTellsTheSystemsThatHadTheRequest() {
        ProcessInstance pi = tradeLicence("hazardous", 1_000_000L);
        execute(job(legOf("fire-service")));
        ProcessInstance environment = legOf("environment");
        execute(job(environment));
        when(deliveries.cancellationsToSend(TRACKING_NUMBER)).thenReturn(List.of("fire-service"));

        // The lifecycle took the environment department's rejection: the leg ends, and so does the request.
        message(environment, ProcessVariables.MDA_DECIDED, Map.of(ProcessVariables.MDA_DECISION, "REJECTED"));
        requestEnded();
        runJobs();

        assertThat(pi).isEnded().hasPassed("End_StopWork", "Task_SendCancellation", "End_RequestDone")
                .hasNotPassed("End_Approved");
        assertThat(openTasks()).as("the city corporation's task is closed").isZero();
        assertThat(legOf("fire-service")).as("the fire service's part is stopped").isNull();
        verify(deliveries).sendCancellation(TRACKING_NUMBER, "fire-service");
        verify(lifecycle, never()).approve(any());
    }

    @Test
    void aWithdrawalStopsEveryMdasWork() {
        ProcessInstance pi = tradeLicence("food", 200_000L);
        assertThat(openTasks()).isEqualTo(1);
        requestEnded();
        assertThat(pi).as("the end is taken in a job of its own").isWaitingAt("Event_RequestEnded");
        runJobs();
        assertThat(pi).isEnded().hasPassed("End_StopWork");
        assertThat(openTasks()).isZero();
    }

    @Test
    void aRequestWithdrawnBeforeItWasRoutedEndsAtOnce() {
        when(lifecycle.plan(any(), any())).thenReturn(false);
        ProcessInstance pi = tradeLicence("retail", 300_000L);
        assertThat(pi).isEnded().hasPassed("End_EndedBeforeRouting");
        assertThat(openTasks()).isZero();
    }

    @Test
    void aWithdrawalThatWinsTheRaceWithTheLastApprovalKeepsTheRequestWithdrawn() {
        when(lifecycle.approve(TRACKING_NUMBER)).thenReturn(false);
        ProcessInstance pi = tradeLicence("retail", 300_000L);
        approve(taskOf("city-corporation-desk"));
        approve(taskOf("city-corporation-head"));
        assertThat(pi).as("the withdrawal's message is on its way").isWaitingAt("Event_RequestEnded");
        requestEnded();
        runJobs();
        assertThat(pi).isEnded().hasPassed("End_WorkOver", "End_StopWork").hasNotPassed("End_Approved");
    }

    @Test
    void aRoutingTableNamingAnUnknownMdaIsAnIncidentNotARequestWaitingForNobody() {
        ProcessInstance pi = engine().getRuntimeService().startProcessInstanceByKey("ServiceRequest", TRACKING_NUMBER,
                requestVariables("TradeLicenceRouting", Map.of("businessCategory", "retail", "paidUpCapital", 1L)));
        RoutingPlan broken = new RoutingPlan(CONNECTORS) {
            @Override
            public List<PlannedLeg> legs(List<Map<String, Object>> routing) {
                return super.legs(List.of(Map.of("mda", "nowhere", "stage", 1, "reviewLevels", 1)));
            }
        };
        org.camunda.bpm.engine.test.mock.Mocks.register("planLegs", new PlanLegsDelegate(lifecycle, broken));
        Job start = job(pi);
        for (int i = 0; i < 3; i++) {
            try {
                engine().getManagementService().executeJob(start.getId());
            } catch (IllegalStateException expected) {
                // recorded on the job
            }
        }
        assertThat(engine().getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
                .getIncidentMessage()).contains("'nowhere', which has no folder under connectors/");
        verify(lifecycle, never()).plan(any(), argThat(legs -> true));
    }
}
