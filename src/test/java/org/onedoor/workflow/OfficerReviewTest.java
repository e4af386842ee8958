package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.tracking.RequestStatus;

@Deployment(resources = "processes/common/OfficerReview.bpmn")
class OfficerReviewTest extends ProcessTestSupport {

    private ProcessInstance review(String mda, int levels) {
        Map<String, Object> variables = requestVariables("ODSC-2026-000001-5", Map.of());
        variables.put(ProcessVariables.MDA_CODE, mda);
        variables.put(ProcessVariables.REVIEW_LEVELS, levels);
        return runtimeService().startProcessInstanceByKey("OfficerReview", "ODSC-2026-000001-5", variables);
    }

    @Test
    void oneLevelEndsWithTheDeskOfficersApproval() {
        ProcessInstance pi = review("environment", 1);
        assertThat(pi).isWaitingAt("Task_ReviewAsDeskOfficer");
        assertThat(task(pi)).hasCandidateGroup("environment-desk");
        verify(timeline).record(eq("ODSC-2026-000001-5"), eq(RequestStatus.IN_PROGRESS), eq("environment"),
                eq("Sent to Department of Environment for review."), any());

        approve(task(pi));

        assertThat(pi).isEnded().hasPassed("End_ApprovedByDesk");
        verify(timeline).record(eq("ODSC-2026-000001-5"), eq(RequestStatus.IN_PROGRESS), eq("environment"),
                eq("Approved by the Inspector."), any());
    }

    @Test
    void threeLevelsGoUpToTheDirector() {
        ProcessInstance pi = review("city-corporation", 3);
        approve(task(pi));
        assertThat(pi).isWaitingAt("Task_ReviewAsSectionHead");
        assertThat(task(pi)).hasCandidateGroup("city-corporation-head");
        approve(task(pi));
        assertThat(pi).isWaitingAt("Task_ReviewAsDirector");
        assertThat(task(pi)).hasCandidateGroup("city-corporation-director");
        approve(task(pi));

        assertThat(pi).isEnded().hasPassed("End_ApprovedByDirector");
        verify(timeline).record(any(), any(), eq("city-corporation"), eq("Cleared by the Licence inspector."), any());
        verify(timeline).record(any(), any(), eq("city-corporation"), eq("Approved by the Chief revenue officer."), any());
    }

    @Test
    void twoLevelsStopAtTheSectionHead() {
        ProcessInstance pi = review("land-office", 2);
        approve(task(pi));
        approve(task(pi));
        assertThat(pi).isEnded().hasPassed("End_ApprovedByHead").hasNotPassed("Task_ReviewAsDirector");
    }

    @Test
    void aRejectionEndsWithTheRejectedError() {
        ProcessInstance pi = review("land-office", 3);
        approve(task(pi));
        decide(task(pi), "reject", "The deed is not registered.");

        assertThat(pi).isEnded().hasPassed("End_RejectedByHead");
        verify(timeline).record(any(), eq(RequestStatus.IN_PROGRESS), eq("land-office"),
                eq("Rejected by the Surveyor: The deed is not registered."), any());
    }

    @Test
    void theDirectorReturnsToTheHeadWhoReturnsToTheDesk() {
        ProcessInstance pi = review("city-corporation", 3);
        approve(task(pi));
        approve(task(pi));
        decide(task(pi), "return", "Check the lease term.");
        assertThat(pi).isWaitingAt("Task_ReviewAsSectionHead");
        assertThat(pi).hasVariables(ProcessVariables.CORRECTION_NOTE);
        assertThat(task(pi)).hasCandidateGroup("city-corporation-head");

        decide(task(pi), "return", "Ask for the lease.");
        assertThat(pi).isWaitingAt("Task_ReviewAsDeskOfficer");
        verify(timeline).record(any(), any(), any(), eq("Sent back to the Licence inspector for correction."), any());

        approve(task(pi));
        approve(task(pi));
        approve(task(pi));
        assertThat(pi).isEnded().hasPassed("End_ApprovedByDirector");
    }

    @Test
    void theDeskOfficerReturnsToTheApplicant() {
        ProcessInstance pi = review("social-services", 3);
        decide(task(pi), "return", "The photo is not recognisable.");

        assertThat(pi).isEnded().hasPassed("End_ReturnedToApplicant");
        verify(timeline).record(any(), any(), eq("social-services"), startsWith("Returned to the applicant"), any());
    }

    @Test
    void eachLevelMustDecideForItself() {
        ProcessInstance pi = review("city-corporation", 2);
        approve(task(pi));
        // The desk officer's "approve" does not carry over to the section head.
        assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining("Choose a decision");
        assertThat(pi).isWaitingAt("Task_ReviewAsSectionHead");
    }

    @Test
    void rejectingOrReturningNeedsAComment() {
        ProcessInstance pi = review("city-corporation", 2);
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "reject")))
                .hasMessageContaining("Give the reason");
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "return", "comment", " ")))
                .hasMessageContaining("Say what must be corrected");
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "maybe")))
                .hasMessageContaining("Choose a decision");
        assertThat(pi).isWaitingAt("Task_ReviewAsDeskOfficer");
        verify(timeline, never()).record(any(), any(), any(), startsWith("Rejected"), any());
    }
}
