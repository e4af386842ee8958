package org.onedoor.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onedoor.casework.Absences;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.dispatch.MdaDeliveries;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.sla.Escalations;
import org.onedoor.sla.SlaClocks;

/**
 * In-memory engine for the process tests ({@code process-test.camunda.cfg.xml}, one per JVM; not named
 * {@code camunda.cfg.xml}, which would become the JVM's default engine and capture the REST API in integration
 * tests), the real delegates built with plain constructors and registered under their bean names, the lifecycle
 * and the deliveries mocked so that tests can check what the processes ask of them.
 */
abstract class ProcessTestSupport {

    static final ConnectorRegistry CONNECTORS = new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION);
    static final ServiceCatalogue CATALOGUE = new ServiceCatalogue(ServiceCatalogue.DEFAULT_LOCATION);
    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(ZoneId.of("Asia/Dhaka"),
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), List.of());
    static final String TRACKING_NUMBER = "ODSC-2026-000010-1";

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    protected Lifecycle lifecycle;
    protected MdaDeliveries deliveries;
    /** The filed requests, mocked: none is found, so officers' tasks keep the request-wide due date of the BPMN. */
    protected ServiceRequests requests;
    /** Officers' absences, mocked: nobody is away unless a test says so. */
    protected Absences absences;
    /** The record of late tasks' steps, mocked: tests check what was recorded. */
    protected Escalations escalations;

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(extension.getProcessEngine());
        lifecycle = mock(Lifecycle.class);
        when(lifecycle.plan(any(), any())).thenReturn(true);
        when(lifecycle.startLeg(any(), any())).thenReturn(true);
        when(lifecycle.approve(any())).thenReturn(true);
        deliveries = mock(MdaDeliveries.class);
        when(deliveries.cancellationsToSend(any())).thenReturn(List.of());
        RoutingPlan routingPlan = new RoutingPlan(CONNECTORS);
        Mocks.register("routingPlan", routingPlan);
        Mocks.register("planLegs", new PlanLegsDelegate(lifecycle, routingPlan));
        Mocks.register("recordApproval", new RecordApprovalDelegate(lifecycle));
        Mocks.register("mdaWork", new MdaWork(CONNECTORS, deliveries));
        Mocks.register("officerReviewStarted", new OfficerReviewStartedListener(lifecycle));
        requests = mock(ServiceRequests.class);
        absences = mock(Absences.class);
        TaskDates taskDates = new TaskDates(new SlaClocks(lifecycle, requests, CATALOGUE, CALENDAR, Clock.systemUTC()),
                CALENDAR, engine().getTaskService(), engine().getManagementService());
        Mocks.register("taskDates", taskDates);
        escalations = mock(Escalations.class);
        LateTasks lateTasks = new LateTasks(engine().getTaskService(), CALENDAR, escalations, CONNECTORS, 2);
        Mocks.register("remindOfficer", new RemindOfficerDelegate(lateTasks));
        Mocks.register("escalateOverdue", new EscalateOverdueDelegate(lateTasks));
        Mocks.register("reviewDecisionListener", new ReviewDecisionListener(lifecycle, CONNECTORS, CATALOGUE, taskDates,
                new ActingOfficers(absences, engine().getTaskService(), engine().getIdentityService(),
                        CONNECTORS, CALENDAR, Clock.systemUTC())));
        Mocks.register("prepareMdaPacket", new PrepareMdaPacketDelegate(lifecycle, deliveries));
        Mocks.register("sendMdaPacket", new SendMdaPacketDelegate(deliveries));
        Mocks.register("sendInformation", new SendInformationDelegate(deliveries));
        Mocks.register("sendCancellation", new SendCancellationDelegate(deliveries));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    ProcessEngine engine() {
        return extension.getProcessEngine();
    }

    /** The variables intake gives every service process. */
    static Map<String, Object> requestVariables(String routingDecision, Map<String, Object> fields) {
        Map<String, Object> variables = new HashMap<>(fields);
        variables.put(ProcessVariables.TRACKING_NUMBER, TRACKING_NUMBER);
        variables.put(ProcessVariables.SERVICE_CODE, "test-service");
        variables.put(ProcessVariables.APPLICANT_NAME, "Test Applicant");
        variables.put(ProcessVariables.ROUTING_DECISION, routingDecision);
        variables.put(ProcessVariables.DOCUMENTS, new ArrayList<>());
        variables.put(ProcessVariables.DUE_DATE, new Date(System.currentTimeMillis() + 86_400_000L * 20));
        return variables;
    }

    /** The one running process of an MDA's part (either kind), by its MDA. */
    ProcessInstance legOf(String mdaCode) {
        return engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(TRACKING_NUMBER)
                .processDefinitionKeyIn(MdaWork.MDA_EXCHANGE, MdaWork.OFFICER_REVIEW)
                .variableValueEquals(ProcessVariables.MDA_CODE, mdaCode).singleResult();
    }

    /** What {@link LegMessages} does for an answer the lifecycle took: the message to the leg's waiting process. */
    void message(ProcessInstance leg, String message, Map<String, Object> variables) {
        engine().getRuntimeService().createMessageCorrelation(message).processInstanceId(leg.getId())
                .setVariables(variables).correlate();
    }

    /** An MDA system's whole part: the packet goes out in its job, then the MDA decides. */
    void systemDecides(String mdaCode, String decision) {
        ProcessInstance exchange = legOf(mdaCode);
        BpmnAwareTests.execute(BpmnAwareTests.job(exchange));
        message(exchange, ProcessVariables.MDA_DECIDED, Map.of(ProcessVariables.MDA_DECISION, decision));
        continueStages();
    }

    /** The one open task of a candidate group, e.g. {@code city-corporation-desk}. */
    Task taskOf(String group) {
        return engine().getTaskService().createTaskQuery().taskCandidateGroup(group).singleResult();
    }

    long openTasks() {
        return engine().getTaskService().createTaskQuery().count();
    }

    static void decide(Task task, String decision, String comment) {
        complete(task, withVariables(ProcessVariables.DECISION, decision, ProcessVariables.COMMENT, comment));
        continueStages();
    }

    static void approve(Task task) {
        complete(task, withVariables(ProcessVariables.DECISION, "approve"));
        continueStages();
    }

    /** Each MDA's part ends in a job of its own: run those jobs, and the stage's or the request's next step. */
    static void continueStages() {
        for (Job job : BpmnAwareTests.jobQuery().activityId("Call_MdaLeg").executable().list()) {
            BpmnAwareTests.execute(job);
        }
    }
}
