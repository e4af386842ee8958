package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.tracking.RequestStatus;

@Deployment(resources = {"processes/services/trade-licence/TradeLicence.bpmn",
        "processes/services/trade-licence/TradeLicenceRouting.dmn", "processes/common/OfficerReview.bpmn",
        "processes/common/MdaExchange.bpmn"})
class TradeLicenceTest extends ProcessTestSupport {

    private ProcessInstance file(String category, long capital) {
        ProcessInstance pi = start("TradeLicence", "ODSC-2026-000010-1",
                Map.of("businessCategory", category, "paidUpCapital", capital));
        assertThat(pi).isWaitingAt("Start_RequestReceived");
        execute(job(pi));
        return pi;
    }

    @Test
    void anIndustrialBusinessIsClearedByThreeMdasInParallelTwoOfThemBySystem() {
        ProcessInstance pi = file("industrial", 7_500_000L);
        assertThat(pi).isWaitingAt("Call_MdaReview");
        assertThat(openTasks()).as("only the city corporation works in the task list").isEqualTo(1);

        systemAnswers("fire-service", "approved");
        systemAnswers("environment", "approved");
        approve(taskOf("city-corporation-desk"));
        approve(taskOf("city-corporation-head"));
        assertThat(pi).isNotEnded();
        approve(taskOf("city-corporation-director"));

        assertThat(pi).isEnded().hasPassed("Task_RecordApproval", "End_Approved");
        verify(timeline).record(eq("ODSC-2026-000010-1"), eq(RequestStatus.APPROVED), isNull(), any(), isNull());
    }

    @Test
    void aSmallShopNeedsOnlyTheCityCorporationUpToTheSectionHead() {
        ProcessInstance pi = file("retail", 300_000L);
        assertThat(openTasks()).isEqualTo(1);
        approve(taskOf("city-corporation-desk"));
        approve(taskOf("city-corporation-head"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    void aFireServiceRejectionStopsTheOtherMdas() {
        ProcessInstance pi = file("hazardous", 1_000_000L);
        assertThat(openTasks()).isEqualTo(1);
        systemAnswers("fire-service", "rejected");

        assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "End_Rejected");
        assertThat(openTasks()).isZero();
        verify(timeline).record(eq("ODSC-2026-000010-1"), eq(RequestStatus.REJECTED), isNull(), any(), isNull());
    }

    @Test
    void theCityCorporationReturnsItToTheApplicant() {
        ProcessInstance pi = file("food", 200_000L);
        decide(taskOf("city-corporation-desk"), "return", "The lease has expired.");

        assertThat(pi).isEnded().hasPassed("Task_RecordReturn", "End_Returned");
        assertThat(openTasks()).isZero();
        verify(timeline).record(eq("ODSC-2026-000010-1"), eq(RequestStatus.RETURNED), isNull(), any(), isNull());
    }
}
