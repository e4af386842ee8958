package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.casework.Supervisors;
import org.onedoor.tracking.GrievanceAppealed;
import org.onedoor.tracking.GrievanceFiled;
import org.onedoor.system.OneDoorException;
import org.onedoor.tracking.Grievances;

/** The Grievance process: answered and left standing, appealed and decided, and late at each step. */
@Deployment(resources = "processes/common/Grievance.bpmn")
class GrievanceTest extends ProcessTestSupport {

    private static final String ID = "6f1c1a0e-0000-4000-8000-000000000001";
    private static final LocalDate DUE = LocalDate.of(2027, 1, 20);
    private static final LocalDate APPEAL_BY = LocalDate.of(2027, 2, 17);

    private Grievances grievances;
    private GrievanceProcess process;

    @BeforeEach
    void grievanceDelegates() {
        grievances = mock(Grievances.class);
        when(grievances.answer(eq(ID), eq("The inspector came on Sunday."), eq("fire-service-grievance")))
                .thenReturn(APPEAL_BY);
        process = new GrievanceProcess(engine().getRuntimeService(), CALENDAR);
        Mocks.register("grievanceAnswered", new GrievanceAnsweredDelegate(grievances, process));
        Mocks.register("appealDecided", new AppealDecidedDelegate(grievances));
        Mocks.register("closeGrievance", new CloseGrievanceDelegate(grievances));
        Mocks.register("lateGrievance", new LateGrievanceDelegate(engine().getTaskService(), grievances));
        Mocks.register("grievanceFormCheck", new GrievanceFormCheck());
    }

    private ProcessInstance filed() {
        process.filed(new GrievanceFiled(ID, TRACKING_NUMBER, "fire-service", DUE));
        return engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(TRACKING_NUMBER)
                .singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
                .singleResult();
    }

    private void answer(ProcessInstance pi) {
        identityService().setAuthenticatedUserId("fire-service-grievance");
        try {
            complete(task(pi), withVariables(ProcessVariables.GRIEVANCE_ANSWER, "The inspector came on Sunday."));
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static List<String> groups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).toList();
    }

    @Test
    void theGrievanceOfficerAnswersAndWithoutAnAppealTheAnswerStands() {
        ProcessInstance pi = filed();
        Task task = task(pi);
        assertThat(pi).isWaitingAt("Task_AnswerGrievance");
        assertThat(groups(task)).containsExactly("fire-service-grievance");
        assertThat(task.getDueDate()).isEqualTo(process.endOf(DUE));
        assertThat(timer(pi, "Timer_AnswerOverdue").getDuedate()).isEqualTo(process.endOf(DUE));

        answer(pi);
        verify(grievances).answer(ID, "The inspector came on Sunday.", "fire-service-grievance");
        assertThat(pi).isWaitingAt("Gateway_Appealed");
        Job window = timer(pi, "Event_AppealWindowClosed");
        assertThat(window.getDuedate()).as("open to the end of the last day").isEqualTo(process.endOf(APPEAL_BY));
        execute(window);
        verify(grievances).close(ID);
        verify(grievances, never()).decideAppeal(any(), any(), any());
        assertThat(pi).isEnded().hasPassed("End_GrievanceClosed");
    }

    @Test
    void aBlankOrOverlongAnswerIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = filed();
        for (String answer : new String[] {"   ", "x".repeat(Grievances.MAX_DECISION + 1)}) {
            // The engine wraps the listener's problem; Camunda's REST API answers with it (EngineRestErrors).
            assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.GRIEVANCE_ANSWER, answer)))
                    .rootCause().isInstanceOfSatisfying(OneDoorException.class, e -> assertThat(e.violations())
                            .extracting(OneDoorException.Violation::path).containsExactly(ProcessVariables.GRIEVANCE_ANSWER));
        }
        assertThat(pi).isWaitingAt("Task_AnswerGrievance");
        verify(grievances, never()).answer(any(), any(), any());
    }

    @Test
    void anAppealInTimeGoesToTheAppellateOfficerWhoseDecisionCloses() {
        ProcessInstance pi = filed();
        answer(pi);
        LocalDate appealDue = LocalDate.of(2027, 2, 10);
        process.appealed(new GrievanceAppealed(ID, TRACKING_NUMBER, appealDue));
        assertThat(pi).isWaitingAt("Task_DecideAppeal");
        Task appeal = task(pi);
        assertThat(groups(appeal)).containsExactly("fire-service-appellate");
        assertThat(appeal.getDueDate()).isEqualTo(process.endOf(appealDue));
        assertThat(timer(pi, "Event_AppealWindowClosed")).as("the window's timer is gone").isNull();

        identityService().setAuthenticatedUserId("fire-service-appellate");
        try {
            complete(appeal, withVariables(ProcessVariables.APPEAL_DECISION, "Upheld: the inspection is redone."));
        } finally {
            identityService().clearAuthentication();
        }
        verify(grievances).decideAppeal(ID, "Upheld: the inspection is redone.", "fire-service-appellate");
        verify(grievances, never()).close(ID);
        assertThat(pi).isEnded().hasPassed("End_AppealDecided");
    }

    @Test
    void aLateAnswerGoesToTheAppellateOfficerAndALateAppealToTheSupervisors() {
        ProcessInstance pi = filed();
        execute(timer(pi, "Timer_AnswerOverdue"));
        Task task = task(pi);
        assertThat(pi).isWaitingAt("Task_AnswerGrievance");
        assertThat(groups(task)).containsExactlyInAnyOrder("fire-service-grievance", "fire-service-appellate");
        assertThat(taskService().getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Past its due date: handed to fire-service-appellate.");
        verify(grievances).late(ID, "fire-service-appellate");
        assertThat(timer(pi, "Timer_AnswerOverdue")).as("one step").isNull();

        answer(pi);
        process.appealed(new GrievanceAppealed(ID, TRACKING_NUMBER, LocalDate.of(2027, 2, 10)));
        execute(timer(pi, "Timer_AppealOverdue"));
        assertThat(groups(task(pi))).containsExactlyInAnyOrder("fire-service-appellate", Supervisors.ODSC);
        verify(grievances).late(ID, Supervisors.ODSC);
        assertThat(pi).isWaitingAt("Task_DecideAppeal");
    }
}
