package org.onedoor.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onedoor.dispatch.ConnectorRegistry;
import org.onedoor.dispatch.MdaDeliveries;
import org.onedoor.tracking.Timeline;

/**
 * In-memory engine for the process tests ({@code process-test.camunda.cfg.xml}, one per JVM; not named
 * {@code camunda.cfg.xml}, which would become the JVM's default engine and capture the REST API in integration tests), the real delegates built with plain constructors
 * and registered under their bean names, the timeline mocked so that tests can check what citizens would see.
 */
abstract class ProcessTestSupport {

    static final ConnectorRegistry CONNECTORS = new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION);

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    protected Timeline timeline;
    protected MdaDeliveries deliveries;

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(extension.getProcessEngine());
        timeline = mock(Timeline.class);
        Mocks.register("routingPlan", new RoutingPlan(CONNECTORS));
        Mocks.register("mdaReviewStartedListener", new MdaReviewStartedListener(timeline, CONNECTORS));
        Mocks.register("reviewDecisionListener", new ReviewDecisionListener(timeline, CONNECTORS));
        Mocks.register("recordOutcome", new RecordOutcomeDelegate(timeline));
        deliveries = mock(MdaDeliveries.class);
        when(deliveries.prepare(any(), any())).thenAnswer(call -> UUID.randomUUID());
        Mocks.register("mdaWork", new MdaWork(CONNECTORS));
        Mocks.register("prepareMdaPacket", new PrepareMdaPacketDelegate(deliveries));
        Mocks.register("sendMdaPacket", new SendMdaPacketDelegate(deliveries, timeline));
    }

    /**
     * An MDA with a system (fire service, environment in the demo connectors): its packet is sent by executing
     * the send job, then the MDA acknowledges and decides as its inbound calls would.
     */
    void systemAnswers(String mdaCode, String decision) {
        RuntimeService runtime = extension.getProcessEngine().getRuntimeService();
        ProcessInstance exchange = runtime.createProcessInstanceQuery().processDefinitionKey(MdaWork.MDA_EXCHANGE)
                .variableValueEquals(ProcessVariables.MDA_CODE, mdaCode).active().singleResult();
        BpmnAwareTests.execute(BpmnAwareTests.job(exchange));
        correlate(exchange, MdaAnswerCorrelator.ACKNOWLEDGED, "accepted");
        BpmnAwareTests.execute(BpmnAwareTests.job(exchange));
        correlate(exchange, MdaAnswerCorrelator.DECIDED, decision);
        BpmnAwareTests.execute(BpmnAwareTests.job(exchange));
        continueStages();
    }

    void correlate(ProcessInstance exchange, String message, String outcome) {
        extension.getProcessEngine().getRuntimeService().createMessageCorrelation(message)
                .processInstanceId(exchange.getId())
                .setVariable(ProcessVariables.MDA_OUTCOME, outcome)
                .correlate();
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    /** The variables intake gives every service process. */
    static Map<String, Object> requestVariables(String trackingNumber, Map<String, Object> fields) {
        Map<String, Object> variables = new HashMap<>(fields);
        variables.put(ProcessVariables.TRACKING_NUMBER, trackingNumber);
        variables.put(ProcessVariables.SERVICE_CODE, "test-service");
        variables.put(ProcessVariables.APPLICANT_NAME, "Test Applicant");
        variables.put(ProcessVariables.DUE_DATE, new Date(System.currentTimeMillis() + 86_400_000L * 20));
        return variables;
    }

    ProcessInstance start(String processKey, String trackingNumber, Map<String, Object> fields) {
        return extension.getProcessEngine().getRuntimeService().startProcessInstanceByKey(processKey, trackingNumber,
                requestVariables(trackingNumber, fields));
    }

    /** The one open task of a candidate group, e.g. {@code city-corporation-desk}. */
    Task taskOf(String group) {
        return extension.getProcessEngine().getTaskService().createTaskQuery().taskCandidateGroup(group).singleResult();
    }

    long openTasks() {
        return extension.getProcessEngine().getTaskService().createTaskQuery().count();
    }

    static void decide(Task task, String decision, String comment) {
        complete(task, withVariables(ProcessVariables.DECISION, decision, ProcessVariables.COMMENT, comment));
        continueStages();
    }

    /** Each MDA's part ends in a job of its own (parallel MDAs would collide otherwise): run those jobs. */
    static void continueStages() {
        for (Job job : BpmnAwareTests.jobQuery().activityId("Call_MdaReview").executable().list()) {
            BpmnAwareTests.execute(job);
        }
    }

    static void approve(Task task) {
        complete(task, withVariables(ProcessVariables.DECISION, "approve"));
        continueStages();
    }
}
