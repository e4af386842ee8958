package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.lifecycle.PlannedLeg;

/**
 * Every service's routing cases ({@code processes/services/<code>/routing-cases.yaml}: form values and the kinds of
 * the documents filed in; MDAs, stages and levels out), each run through the service's routing table and its process as filed. A new service brings its
 * cases, not a Java test.
 */
class RoutingCasesTest extends ProcessTestSupport {

    private static final Path PROCESSES = Path.of("processes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One case of a service's file. */
    record RoutingCase(String service, String title, Map<String, Object> form, List<String> documents, List<Leg> legs) {
        @Override
        public String toString() {
            return service + ": " + title;
        }
    }

    record Leg(String mda, int stage, int levels) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (ServiceDefinition service : CATALOGUE.all()) {
            Path file = PROCESSES.resolve("services").resolve(service.code()).resolve("routing-cases.yaml");
            try {
                for (Map<String, Object> entry : YAML.readValue(file.toFile(),
                        new TypeReference<List<Map<String, Object>>>() { })) {
                    all.add(Arguments.of(new RoutingCase(service.code(), (String) entry.get("case"),
                            YAML.convertValue(entry.get("form"), new TypeReference<Map<String, Object>>() { }),
                            YAML.convertValue(entry.getOrDefault("documents", List.of()),
                                    new TypeReference<List<String>>() { }),
                            YAML.convertValue(entry.get("legs"), new TypeReference<List<Leg>>() { }))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + " cannot be read", e);
            }
        }
        return all.stream();
    }

    /** Every process and routing table of processes/, as the application deploys them. */
    @BeforeEach
    void deploy() throws IOException {
        DeploymentBuilder deployment = engine().getRepositoryService().createDeployment();
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            }
        }
        deployment.deploy();
    }

    /** The engine is shared by the process tests: no instance or version of this test's is left for the next. */
    @AfterEach
    void undeploy() {
        engine().getRepositoryService().createDeploymentQuery().list()
                .forEach(d -> engine().getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void everyServiceHasItsRoutingCases() {
        for (ServiceDefinition service : CATALOGUE.all()) {
            assertThat(cases().map(a -> (RoutingCase) a.get()[0]).filter(c -> c.service().equals(service.code())))
                    .as(service.code() + "/routing-cases.yaml").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theServiceRoutesTheCaseAsItsFileSays(RoutingCase routingCase) {
        ServiceDefinition service = CATALOGUE.find(routingCase.service()).orElseThrow();
        Map<String, Object> variables = requestVariables(service.routing(), routingCase.form());
        variables.put(ProcessVariables.DOCUMENTS, new ArrayList<>(routingCase.documents()));
        ProcessInstance pi = engine().getRuntimeService().startProcessInstanceByKey(service.process(), TRACKING_NUMBER,
                variables);
        execute(job(pi));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<PlannedLeg>> planned = ArgumentCaptor.forClass(List.class);
        verify(lifecycle).plan(eq(TRACKING_NUMBER), planned.capture());
        assertThat(planned.getValue()).extracting(l -> new Leg(l.mdaCode(), l.stage(), l.reviewLevels()))
                .containsExactlyInAnyOrderElementsOf(routingCase.legs());
    }
}
