package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.tracking.RequestStatus;

@Deployment(resources = {"processes/services/social-safety-net-allowance/SocialSafetyNetAllowance.bpmn",
        "processes/services/social-safety-net-allowance/SocialSafetyNetAllowanceRouting.dmn",
        "processes/common/OfficerReview.bpmn"})
class SocialSafetyNetAllowanceTest extends ProcessTestSupport {

    private ProcessInstance file() {
        ProcessInstance pi = start("SocialSafetyNetAllowance", "ODSC-2026-000030-8", Map.of("allowanceType", "widow"));
        execute(job(pi));
        return pi;
    }

    @Test
    void theAllowanceGoesUpToTheDistrictOfficer() {
        ProcessInstance pi = file();
        approve(taskOf("social-services-desk"));
        approve(taskOf("social-services-head"));
        approve(taskOf("social-services-director"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
        verify(timeline).record(any(), any(), eq("social-services"),
                eq("Approved by the Deputy director, district social services."), any());
    }

    @Test
    void theDistrictOfficerRejects() {
        ProcessInstance pi = file();
        approve(taskOf("social-services-desk"));
        approve(taskOf("social-services-head"));
        decide(taskOf("social-services-director"), "reject", "Already receives a freedom fighter allowance.");
        assertThat(pi).isEnded().hasPassed("End_Rejected");
        verify(timeline).record(any(), eq(RequestStatus.REJECTED), any(), any(), any());
    }

    @Test
    void theUpazilaOfficerSendsItBackToTheUnionSocialWorker() {
        ProcessInstance pi = file();
        approve(taskOf("social-services-desk"));
        decide(taskOf("social-services-head"), "return", "Verify the income certificate.");
        assertThat(taskOf("social-services-desk")).isNotNull();
        decide(taskOf("social-services-desk"), "return", "Bring an income certificate from the UP chairman.");
        assertThat(pi).isEnded().hasPassed("End_Returned");
    }
}
