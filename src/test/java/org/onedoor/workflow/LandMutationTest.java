package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.tracking.RequestStatus;

@Deployment(resources = {"processes/services/land-mutation/LandMutation.bpmn",
        "processes/services/land-mutation/LandMutationRouting.dmn", "processes/common/OfficerReview.bpmn"})
class LandMutationTest extends ProcessTestSupport {

    private ProcessInstance file(String reason) {
        ProcessInstance pi = start("LandMutation", "ODSC-2026-000020-3", Map.of("mutationReason", reason));
        execute(job(pi));
        return pi;
    }

    @Test
    void theSubRegistryRecordsOnlyAfterTheAcLandHasDecided() {
        ProcessInstance pi = file("sale");
        assertThat(openTasks()).isEqualTo(1);
        approve(taskOf("land-office-desk"));
        approve(taskOf("land-office-head"));
        assertThat(taskOf("sub-registry-desk")).isNull();
        approve(taskOf("land-office-director"));

        assertThat(taskOf("sub-registry-desk")).isNotNull();
        approve(taskOf("sub-registry-desk"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
        verify(timeline).record(any(), eq(RequestStatus.IN_PROGRESS), eq("sub-registry"),
                eq("Sent to Sub-Registry Office for review."), any());
    }

    @Test
    void anInheritanceIsSettledByTheSurveyor() {
        ProcessInstance pi = file("inheritance");
        approve(taskOf("land-office-desk"));
        approve(taskOf("land-office-head"));
        assertThat(taskOf("land-office-director")).isNull();
        approve(taskOf("sub-registry-desk"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    void aRejectionByTheLandOfficeNeverReachesTheSubRegistry() {
        ProcessInstance pi = file("gift");
        approve(taskOf("land-office-desk"));
        decide(taskOf("land-office-head"), "reject", "Khatian does not match the deed.");

        assertThat(pi).isEnded().hasPassed("End_Rejected");
        verify(timeline, never()).record(any(), any(), eq("sub-registry"), any(), any());
    }

    @Test
    void theUnionLandAssistantReturnsItToTheApplicant() {
        ProcessInstance pi = file("sale");
        decide(taskOf("land-office-desk"), "return", "Bring the porcha of the seller.");
        assertThat(pi).isEnded().hasPassed("End_Returned");
    }
}
