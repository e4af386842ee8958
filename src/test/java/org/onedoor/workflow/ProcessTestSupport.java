package org.onedoor.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onedoor.dispatch.ConnectorRegistry;
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

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(extension.getProcessEngine());
        timeline = mock(Timeline.class);
        Mocks.register("routingPlan", new RoutingPlan(CONNECTORS));
        Mocks.register("mdaReviewStartedListener", new MdaReviewStartedListener(timeline, CONNECTORS));
        Mocks.register("reviewDecisionListener", new ReviewDecisionListener(timeline, CONNECTORS));
        Mocks.register("recordOutcome", new RecordOutcomeDelegate(timeline));
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
    }

    static void approve(Task task) {
        complete(task, withVariables(ProcessVariables.DECISION, "approve"));
    }
}
