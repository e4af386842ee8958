package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.onedoor.casework.Absences;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.lifecycle.Decision;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.lifecycle.RequestView;
import org.onedoor.sla.Escalations;
import org.onedoor.system.OneDoorException;

@Deployment(resources = "processes/common/OfficerReview.bpmn")
class OfficerReviewTest extends ProcessTestSupport {

    private ProcessInstance review(String mda, int levels) {
        Map<String, Object> variables = requestVariables("Unused", Map.of());
        variables.put(ProcessVariables.MDA_CODE, mda);
        variables.put(ProcessVariables.REVIEW_LEVELS, levels);
        return runtimeService().startProcessInstanceByKey("OfficerReview", TRACKING_NUMBER, variables);
    }

    private void applicantAnswers(ProcessInstance pi) {
        message(pi, ProcessVariables.APPLICANT_ANSWERED, Map.of());
    }

    /** The record of late tasks, kept in memory so that the steps already taken count. */
    private List<Escalations.Escalation> recordEscalations() {
        List<Escalations.Escalation> recorded = new ArrayList<>();
        org.mockito.Mockito.doAnswer(call -> recorded.add(call.getArgument(0))).when(escalations).record(any());
        when(escalations.count(any(), any())).thenAnswer(call -> (int) recorded.stream()
                .filter(e -> e.taskId().equals(call.getArgument(0)) && e.step() == call.getArgument(1)).count());
        return recorded;
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
                .singleResult();
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(CALENDAR.zone()).toInstant());
    }

    @Test
    void aLateTaskIsRemindedThenItsSupervisorToldThenItClimbsTheOrganogramToTheHeadOfTheMda() {
        List<Escalations.Escalation> recorded = recordEscalations();
        ProcessInstance pi = review("city-corporation", 1);
        Task desk = task(pi);
        LocalDate dueDay = LocalDate.ofInstant(desk.getDueDate().toInstant().minusMillis(1), CALENDAR.zone());
        LocalDate followUp = CALENDAR.workingDaysBefore(dueDay, 2);

        // The timers' dates come from the working-day calendar, as the task's own dates do.
        assertThat(timer(pi, "Timer_DeskFollowUp").getDuedate()).isEqualTo(desk.getFollowUpDate()).isEqualTo(at(followUp));
        assertThat(timer(pi, "Timer_DeskOverdue").getDuedate()).isEqualTo(desk.getDueDate());

        try {
            ClockUtil.setCurrentTime(at(followUp));
            execute(timer(pi, "Timer_DeskFollowUp"));
            assertThat(recorded).singleElement().satisfies(e -> {
                assertThat(e.step()).isEqualTo(Escalations.Step.REMINDER);
                assertThat(e.sentTo()).isEqualTo("city-corporation-desk");
                assertThat(e.workingDaysLate()).isEqualTo(-2);
            });
            assertThat(timer(pi, "Timer_DeskFollowUp")).as("a reminder fires once").isNull();

            // Due: the position the licence inspector reports to is told; the task stays with the desk.
            ClockUtil.setCurrentTime(desk.getDueDate());
            execute(timer(pi, "Timer_DeskOverdue"));
            assertThat(recorded).last().satisfies(e -> {
                assertThat(e.step()).isEqualTo(Escalations.Step.OVERDUE);
                assertThat(e.sentTo()).isEqualTo("section-head-licensing");
                assertThat(e.reason()).isEqualTo("Overdue since " + dueDay
                        + ": Section head, licensing (city-corporation-head) told.");
            });
            assertThat(task(pi)).hasCandidateGroup("city-corporation-desk");

            // Two working days late (the grace period): the section head gets the task; four: the director.
            ClockUtil.setCurrentTime(at(CALENDAR.addWorkingDays(dueDay, 2)));
            execute(timer(pi, "Timer_DeskOverdue"));
            assertThat(task(pi)).hasCandidateGroup("city-corporation-head");
            ClockUtil.setCurrentTime(at(CALENDAR.addWorkingDays(dueDay, 3)));
            execute(timer(pi, "Timer_DeskOverdue"));
            assertThat(recorded).filteredOn(e -> e.step() == Escalations.Step.REASSIGNED).hasSize(1);
            ClockUtil.setCurrentTime(at(CALENDAR.addWorkingDays(dueDay, 4)));
            execute(timer(pi, "Timer_DeskOverdue"));
            assertThat(task(pi)).hasCandidateGroup("city-corporation-director");
            assertThat(recorded).extracting(Escalations.Escalation::step).containsExactly(Escalations.Step.REMINDER,
                    Escalations.Step.OVERDUE, Escalations.Step.REASSIGNED, Escalations.Step.REASSIGNED);
            assertThat(recorded).last().satisfies(e -> {
                assertThat(e.workingDaysLate()).isEqualTo(4);
                assertThat(e.reason()).isEqualTo("Not decided 4 working day(s) after its due date " + dueDay
                        + ": handed to Chief revenue officer (city-corporation-director).");
            });
            assertThat(taskService().getTaskComments(desk.getId())).as("the task's history, newest first")
                    .extracting(c -> c.getFullMessage()).hasSize(4).first().asString()
                    .startsWith("Not decided 4 working day(s)");

            // Six: the head of the corporation, who holds no review level, by name; then nothing more goes up.
            ClockUtil.setCurrentTime(at(CALENDAR.addWorkingDays(dueDay, 6)));
            execute(timer(pi, "Timer_DeskOverdue"));
            assertThat(task(pi)).hasCandidateUser("city-corporation-ceo");
            assertThat(recorded).last().extracting(Escalations.Escalation::sentTo).isEqualTo("chief-executive-officer");
            ClockUtil.setCurrentTime(at(CALENDAR.addWorkingDays(dueDay, 12)));
            execute(timer(pi, "Timer_DeskOverdue"));
            assertThat(recorded).hasSize(5);
            approve(task(pi));
            assertThat(pi).isEnded().hasPassed("End_ApprovedByDesk");
            assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void oneLevelEndsWithTheDeskOfficersApproval() {
        ProcessInstance pi = review("environment", 1);
        assertThat(pi).isWaitingAt("Task_ReviewAsDeskOfficer");
        assertThat(task(pi)).hasCandidateGroup("environment-desk");
        verify(lifecycle).startLeg(TRACKING_NUMBER, "environment");

        approve(task(pi));

        assertThat(pi).isEnded().hasPassed("End_ApprovedByDesk");
        verify(lifecycle).decidedByOfficer(eq(TRACKING_NUMBER), eq("environment"), eq(Decision.APPROVED), any(), any(), any());
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
        verify(lifecycle).levelCleared(eq(TRACKING_NUMBER), eq("city-corporation"), eq("Licence inspector"), any());
        verify(lifecycle).levelCleared(eq(TRACKING_NUMBER), eq("city-corporation"), eq("Section head, licensing"), any());
        verify(lifecycle, times(1)).decidedByOfficer(eq(TRACKING_NUMBER), eq("city-corporation"),
                eq(Decision.APPROVED), any(), any(), any());
    }

    @Test
    void twoLevelsStopAtTheSectionHead() {
        ProcessInstance pi = review("land-office", 2);
        approve(task(pi));
        approve(task(pi));
        assertThat(pi).isEnded().hasPassed("End_ApprovedByHead").hasNotPassed("Task_ReviewAsDirector");
    }

    @Test
    void aRejectionEndsTheMdasPartWithItsReasonAsATaskComment() {
        ProcessInstance pi = review("land-office", 3);
        approve(task(pi));
        Task head = task(pi);
        decide(head, "reject", "The deed is not registered.");

        assertThat(pi).isEnded().hasPassed("End_RejectedByHead");
        verify(lifecycle).decidedByOfficer(eq(TRACKING_NUMBER), eq("land-office"), eq(Decision.REJECTED),
                eq("The deed is not registered."), eq("Surveyor"), any());
        assertThat(engine().getTaskService().getTaskComments(head.getId())).extracting(Comment::getFullMessage)
                .containsExactly("reject: The deed is not registered.");
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
        verify(lifecycle).levelReturned(eq(TRACKING_NUMBER), eq("city-corporation"), eq("Section head, licensing"),
                eq("Licence inspector"), eq("Ask for the lease."), any());

        approve(task(pi));
        approve(task(pi));
        approve(task(pi));
        assertThat(pi).isEnded().hasPassed("End_ApprovedByDirector");
    }

    @Test
    void aReturnedRequestGoesBackToTheOfficerWhoDecidedThereFlaggedForTheirReturnedFilter() {
        ProcessInstance pi = review("city-corporation", 2);
        engine().getIdentityService().setAuthenticatedUserId("desk-officer");
        try {
            approve(task(pi));
            engine().getIdentityService().setAuthenticatedUserId("head");
            assertThat(engine().getTaskService().getVariableLocal(task(pi).getId(), ReviewDecisionListener.RETURNED))
                    .as("the head's first task was not returned to anyone").isNull();
            decide(task(pi), "return", "Check the lease term.");

            Task returned = task(pi);
            assertThat(returned.getTaskDefinitionKey()).isEqualTo("Task_ReviewAsDeskOfficer");
            assertThat(returned).isAssignedTo("desk-officer");
            assertThat(engine().getTaskService().getVariableLocal(returned.getId(), ReviewDecisionListener.RETURNED))
                    .isEqualTo(true);
            engine().getIdentityService().setAuthenticatedUserId("desk-officer");
            approve(returned);
            assertThat(task(pi)).as("back at the head who returned it, not flagged as returned").isAssignedTo("head");
            assertThat(engine().getTaskService().getVariableLocal(task(pi).getId(), ReviewDecisionListener.RETURNED))
                    .isNull();
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aTaskAlreadyLateWhenCreatedIsEscalatedAtOnceNotTomorrow() {
        Date now = at(LocalDate.of(2026, 12, 10));
        ClockUtil.setCurrentTime(now);
        try {
            Map<String, Object> variables = requestVariables("Unused", Map.of());
            variables.put(ProcessVariables.MDA_CODE, "city-corporation");
            variables.put(ProcessVariables.REVIEW_LEVELS, 1);
            variables.put(ProcessVariables.DUE_DATE, at(LocalDate.of(2026, 12, 7)));
            ProcessInstance pi = runtimeService().startProcessInstanceByKey("OfficerReview", TRACKING_NUMBER, variables);
            assertThat(timer(pi, "Timer_DeskOverdue").getDuedate()).isEqualTo(new Date(now.getTime() + 60_000));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aRequestReturnedToAnAbsentOfficerGoesToTheOfficerActingForThem() {
        ProcessInstance pi = review("city-corporation", 2);
        engine().getIdentityService().setAuthenticatedUserId("desk-officer");
        try {
            approve(task(pi));
            Absences.Absence away = new Absences.Absence("absence-1", "city-corporation", "desk-officer",
                    LocalDate.now(), LocalDate.now().plusDays(3), "other-desk-officer", null, "desk-officer",
                    Instant.now(), null);
            when(absences.on(eq("desk-officer"), any())).thenReturn(Optional.of(away));
            when(absences.handedOver(any(), any(), any(), any())).thenReturn(true);
            engine().getIdentityService().setAuthenticatedUserId("head");
            decide(task(pi), "return", "Check the lease term.");

            Task returned = task(pi);
            assertThat(returned).isAssignedTo("other-desk-officer");
            verify(absences).handedOver(eq("absence-1"), eq(returned.getId()), eq(TRACKING_NUMBER), any());
            assertThat(engine().getTaskService().getTaskComments(returned.getId())).extracting(c -> c.getFullMessage())
                    .contains("other-desk-officer acts for desk-officer, absent " + LocalDate.now() + " to "
                            + LocalDate.now().plusDays(3) + ".");
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aTaskIsDueSoonFromTwoWorkingDaysBeforeItsDueDate() {
        Map<String, Object> variables = requestVariables("Unused", Map.of());
        variables.put(ProcessVariables.MDA_CODE, "land-office");
        variables.put(ProcessVariables.REVIEW_LEVELS, 1);
        // Due at the end of Monday 14 December 2026 in Dhaka: Sunday 13 and Monday 14 are the last working days.
        ZoneId dhaka = ZoneId.of("Asia/Dhaka");
        variables.put(ProcessVariables.DUE_DATE, Date.from(LocalDate.of(2026, 12, 15).atStartOfDay(dhaka).toInstant()));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("OfficerReview", TRACKING_NUMBER, variables);

        assertThat(task(pi).getFollowUpDate())
                .isEqualTo(Date.from(LocalDate.of(2026, 12, 10).atStartOfDay(dhaka).toInstant()));
    }

    @Test
    void theDeskOfficersReturnAsksTheApplicantAndTheAnswerComesBackToTheDesk() {
        ProcessInstance pi = review("social-services", 3);
        complete(task(pi), withVariables(ProcessVariables.DECISION, "return", ProcessVariables.COMMENT,
                "The photo is not recognisable.", ProcessVariables.REQUESTED_DOCUMENTS, "photo"));

        assertThat(pi).isWaitingAt("Event_DeskAwaitsApplicant");
        verify(lifecycle).askApplicant(eq(TRACKING_NUMBER), eq("social-services"), any(),
                eq("The photo is not recognisable."), eq(List.of("photo")));
        applicantAnswers(pi);
        assertThat(pi).isWaitingAt("Task_ReviewAsDeskOfficer");
        approve(task(pi));
        assertThat(pi).isWaitingAt("Task_ReviewAsSectionHead");
    }

    @Test
    void theLegsClockPausesWhileTheApplicantIsAskedAndTheAnswersTaskIsDueThatMuchLater() {
        // The city corporation got the request 14 days ago; its desk officer asked the applicant 7 days ago.
        LocalDate today = LocalDate.now(CALENDAR.zone());
        Instant started = today.minusDays(14).atTime(10, 0).atZone(CALENDAR.zone()).toInstant();
        Instant asked = today.minusDays(7).atTime(10, 0).atZone(CALENDAR.zone()).toInstant();
        when(requests.find(TRACKING_NUMBER)).thenReturn(Optional.of(new ServiceRequests.FiledRequest(
                TRACKING_NUMBER, "trade-licence", "Test Applicant", started, today, "hash", null)));
        Leg leg = new Leg("city-corporation", 1, 1, false,
                LegState.WAITING_FOR_APPLICANT, null, null, null, started, null);
        InformationRequest question = new InformationRequest("q1",
                TRACKING_NUMBER, "city-corporation", "desk-officer", asked, "The lease, please.", List.of(), null, null,
                null, null);
        when(lifecycle.view(TRACKING_NUMBER)).thenReturn(Optional.of(new RequestView(TRACKING_NUMBER,
                RequestState.WAITING_FOR_APPLICANT, List.of(leg), List.of(question), null, null)));
        long paused = CALENDAR.workingDaysBetween(today.minusDays(7), today);

        ProcessInstance pi = review("city-corporation", 1);
        verify(requests, times(1).description("the task and its two timers read the leg's clock once"))
                .find(TRACKING_NUMBER);
        decide(task(pi), "request-information", "The lease, please.");
        applicantAnswers(pi);

        // Still paused today (the answer is being recorded): 15 working days from the start, plus the pause.
        LocalDate due = CALENDAR.addWorkingDays(today.minusDays(14), (int) (15 + paused));
        assertThat(task(pi).getDueDate()).isEqualTo(Date.from(due.plusDays(1).atStartOfDay(CALENDAR.zone())
                .toInstant()));
        assertThat(paused).isPositive();
    }

    @Test
    void anyLevelMayAskTheApplicantAndDecidesOnceTheAnswerComes() {
        ProcessInstance pi = review("city-corporation", 3);
        approve(task(pi));
        approve(task(pi));
        decide(task(pi), "request-information", "Which floor is the shop on?");
        assertThat(pi).isWaitingAt("Event_DirectorAwaitsApplicant");
        applicantAnswers(pi);
        assertThat(pi).isWaitingAt("Task_ReviewAsDirector");

        decide(task(pi), "request-information", "And the lease's renewal date?");
        applicantAnswers(pi);
        approve(task(pi));
        assertThat(pi).isEnded().hasPassed("End_ApprovedByDirector");
        verify(lifecycle, times(2)).askApplicant(eq(TRACKING_NUMBER), eq("city-corporation"), any(), anyString(),
                eq(List.of()));
    }

    @Test
    void eachTaskIsNamedAfterTheServiceTheRequestTheApplicantAndTheLevel() {
        ProcessInstance pi = review("city-corporation", 2);
        assertThat(task(pi).getName()).isEqualTo("test-service " + TRACKING_NUMBER + " · Test Applicant · Licence inspector");
        approve(task(pi));
        assertThat(task(pi).getName()).endsWith(" · Section head, licensing");
        assertThat(task(pi).getDueDate()).as("the request's due date").isNotNull();
    }

    @Test
    void anOfficerWhoDecidedAtOneLevelCannotDecideAtAnotherOfTheSameMda() {
        ProcessInstance pi = review("city-corporation", 3);
        engine().getIdentityService().setAuthenticatedUserId("both-desk-and-head");
        try {
            approve(task(pi));
            assertThatThrownBy(() -> approve(task(pi))).rootCause().isInstanceOfSatisfying(OneDoorException.class, e -> {
                assertThat(e.code()).isEqualTo("review.four-eyes");
                assertThat(e.getMessage()).isEqualTo("You decided this request as Licence inspector: another officer"
                        + " must decide it as Section head, licensing.");
            });
            assertThat(pi).isWaitingAt("Task_ReviewAsSectionHead");

            engine().getIdentityService().setAuthenticatedUserId("head");
            decide(task(pi), "return", "Check the lease.");
            engine().getIdentityService().setAuthenticatedUserId("both-desk-and-head");
            approve(task(pi)); // again at the desk, the level where they decided before
            engine().getIdentityService().setAuthenticatedUserId("head");
            approve(task(pi));
            assertThat(pi).isWaitingAt("Task_ReviewAsDirector");
            engine().getIdentityService().setAuthenticatedUserId("both-desk-and-head");
            assertThatThrownBy(() -> approve(task(pi))).as("nor at any higher level")
                    .hasMessageContaining("another officer must decide it as Chief revenue officer");
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
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
    void rejectingReturningOrAskingNeedsAComment() {
        ProcessInstance pi = review("city-corporation", 2);
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "reject")))
                .hasMessageContaining("Give the reason");
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "return", "comment", " ")))
                .hasMessageContaining("Say what must be corrected");
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "request-information")))
                .hasMessageContaining("Say what the applicant must provide");
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "request-information",
                ProcessVariables.COMMENT, "Bring it", ProcessVariables.REQUESTED_DOCUMENTS, "Lease")))
                .hasMessageContaining("Name documents by their kind");
        assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "maybe")))
                .hasMessageContaining("Choose a decision");
        assertThat(pi).isWaitingAt("Task_ReviewAsDeskOfficer");
        verify(lifecycle, never()).decidedByOfficer(any(), any(), any(), any(), any(), any());
    }

    @Test
    void aTaskClosedBecauseTheRequestEndedSaysWhyInItsHistory() {
        ProcessInstance pi = review("city-corporation", 2);
        Task desk = task(pi);
        when(lifecycle.view(TRACKING_NUMBER)).thenReturn(Optional.of(new RequestView(TRACKING_NUMBER,
                RequestState.WITHDRAWN, List.of(), List.of(), Instant.now(), "The applicant moved abroad.")));

        runtimeService().deleteProcessInstance(pi.getId(), "the request ended");

        assertThat(engine().getTaskService().getTaskComments(desk.getId())).extracting(Comment::getFullMessage)
                .containsExactly("Closed without a decision: the request was withdrawn (The applicant moved abroad.).");
    }
}
