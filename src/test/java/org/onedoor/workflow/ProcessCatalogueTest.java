package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onedoor.casework.GrievanceOfficer;
import org.onedoor.casework.OfficerRole;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.mda.Connector;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Everything under {@code processes/} and {@code connectors/} as a designer leaves it: every file parses, names
 * match ids, every bean an expression names exists, every reference resolves, every process has its test.
 */
class ProcessCatalogueTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private static List<Path> bpmnFiles;
    private static List<Path> dmnFiles;
    private static List<Path> formFiles;
    private static Set<String> beanNames;

    @BeforeAll
    static void scan() throws IOException {
        bpmnFiles = files(".bpmn");
        dmnFiles = files(".dmn");
        formFiles = files(".form");
        beanNames = new HashSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        var registry = new DefaultListableBeanFactory();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.onedoor")) {
            beanNames.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(bean, registry));
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(PROCESSES)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Test
    void thereAreProcessesToCheck() {
        assertThat(bpmnFiles).hasSizeGreaterThanOrEqualTo(3);
        assertThat(dmnFiles).hasSizeGreaterThanOrEqualTo(3);
        assertThat(formFiles).isNotEmpty();
    }

    @Test
    void everyBpmnFileParsesHoldsOneProcessNamedLikeTheFileAndHasATestClass() {
        for (Path file : bpmnFiles) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Bpmn.validateModel(model);
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            assertThat(processes).as(file + " processes").hasSize(1);
            Process process = processes.iterator().next();
            assertThat(process.getId()).as(file + " process id").isEqualTo(baseName(file));
            assertThat(process.isExecutable()).as(file + " executable").isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + " historyTimeToLive").isNotBlank();
            assertThat(testClassExists(process.getId())).as("test class " + process.getId() + "Test").isTrue();
        }
    }

    @Test
    void everyExpressionNamesAnExistingBeanOrAKnownVariable() {
        Set<String> variables = Set.of("execution", "task", ProcessVariables.DUE_DATE, ProcessVariables.MDA_CODE,
                ProcessVariables.DECISION, ProcessVariables.REVIEW_LEVELS, ProcessVariables.MDA_DECISION,
                ProcessVariables.ROUTING_DECISION, ProcessVariables.REQUEST_OPEN, ProcessVariables.APPROVED,
                ProcessVariables.GRIEVANCE_DUE, ProcessVariables.APPEAL_BY, ProcessVariables.APPEAL_DUE);
        for (Path file : bpmnFiles) {
            String xml = read(file);
            Matcher m = EXPRESSION_ROOT.matcher(xml);
            while (m.find()) {
                String root = m.group(1);
                assertThat(beanNames.contains(root) || variables.contains(root))
                        .as(file + ": expression root '" + root + "' is neither a bean nor a OneDoor variable").isTrue();
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> processIds = new HashSet<>(bpmnFiles.stream().map(ProcessCatalogueTest::baseName).toList());
        Set<String> decisionIds = new HashSet<>();
        for (Path file : dmnFiles) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
            assertThat(decisions).as(file + " decisions").hasSize(1);
            Decision decision = decisions.iterator().next();
            assertThat(decision.getId()).as(file + " decision id").isEqualTo(baseName(file));
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as(file + " historyTimeToLive").isNotBlank();
            decisionIds.add(decision.getId());
        }
        Set<String> formIds = new HashSet<>();
        for (Path file : formFiles) {
            JsonNode form = readJson(file);
            assertThat(form.path("id").asText()).as(file + " form id").isEqualTo(baseName(file));
            formIds.add(form.path("id").asText());
        }
        for (Path file : bpmnFiles) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                if (call.getCalledElement().equals("${mdaWork.process(mdaCode)}")) {
                    for (Connector.Mode mode : Connector.Mode.values()) {
                        assertThat(processIds).as(file + ": " + call.getId() + " calls for " + mode)
                                .contains(MdaWork.processFor(mode));
                    }
                } else {
                    assertThat(processIds).as(file + ": " + call.getId() + " calls").contains(call.getCalledElement());
                }
            }
            for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
                if (rule.getCamundaDecisionRef().equals("${" + ProcessVariables.ROUTING_DECISION + "}")) {
                    // Each service names its routing table in service.yaml: every one must exist.
                    for (ServiceDefinition service : new ServiceCatalogue(ServiceCatalogue.DEFAULT_LOCATION).all()) {
                        assertThat(decisionIds).as(service.code() + " routing").contains(service.routing());
                    }
                } else {
                    assertThat(decisionIds).as(file + ": " + rule.getId() + " decides").contains(rule.getCamundaDecisionRef());
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(formIds).as(file + ": " + task.getId() + " form").contains(task.getCamundaFormRef());
                String group = task.getCamundaCandidateGroups();
                assertThat(group).as(file + ": " + task.getId() + " candidate group")
                        .isIn(Stream.concat(Stream.of(OfficerRole.values()).map(Enum::name),
                                Stream.of(GrievanceOfficer.values()).map(Enum::name)).map(r -> "${mdaCode}-" + r).toList());
            }
            for (ModelElementInstance task : model.getModelElementsByType(
                    org.camunda.bpm.model.bpmn.instance.ServiceTask.class)) {
                assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression"))
                        .as(file + ": service task uses a delegate bean").matches("\\$\\{[A-Za-z]+}");
            }
        }
    }

    /** Whether each routing table's MDAs have connectors is the startup check's (ServiceChecksTest). */
    @Test
    void everyServiceRunsAnExistingProcessWithItsRoutingTableBesideIt() {
        ServiceCatalogue catalogue = new ServiceCatalogue(ServiceCatalogue.DEFAULT_LOCATION);
        Set<String> processIds = new HashSet<>(bpmnFiles.stream().map(ProcessCatalogueTest::baseName).toList());
        assertThat(catalogue.all()).isNotEmpty();
        for (ServiceDefinition service : catalogue.all()) {
            assertThat(processIds).as(service.code() + " process").contains(service.process());
            Path folder = PROCESSES.resolve("services").resolve(service.code());
            if (!service.process().equals(ServiceDefinition.COMMON_PROCESS)) {
                assertThat(folder.resolve(service.process() + ".bpmn")).as("its own BPMN beside service.yaml").exists();
            }
            assertThat(folder.resolve(service.routing() + ".dmn")).as("routing table beside service.yaml").exists();
        }
    }

    /** Outcomes are enums in Java; the gateways compare with their values, and nothing else. */
    @Test
    void everyDecisionValueAGatewayComparesWithIsOneTheCodeKnows() {
        Set<String> review = new HashSet<>(Stream.of(ReviewDecision.values()).map(ReviewDecision::value).toList());
        Set<String> mda = new HashSet<>(Stream.of(org.onedoor.lifecycle.Decision.values()).map(Enum::name).toList());
        Pattern compared = Pattern.compile("(" + ProcessVariables.DECISION + "|" + ProcessVariables.MDA_DECISION
                + ") == '([^']*)'");
        int seen = 0;
        for (Path file : bpmnFiles) {
            Matcher m = compared.matcher(read(file));
            while (m.find()) {
                seen++;
                Set<String> known = m.group(1).equals(ProcessVariables.DECISION) ? review : mda;
                assertThat(known).as(file + ": " + m.group()).contains(m.group(2));
            }
        }
        assertThat(seen).isGreaterThan(10);
    }

    @Test
    void everyMessageAProcessWaitsForIsOneOneDoorSends() {
        Set<String> sent = Set.of(ProcessVariables.MDA_DECIDED, ProcessVariables.MDA_REQUESTED_INFORMATION,
                ProcessVariables.APPLICANT_ANSWERED, ProcessVariables.REQUEST_ENDED, ProcessVariables.GRIEVANCE_APPEALED);
        Set<String> declared = new HashSet<>();
        for (Path file : bpmnFiles) {
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class)
                    .forEach(message -> declared.add(message.getName()));
        }
        assertThat(declared).isEqualTo(sent);
    }

    private static boolean testClassExists(String processId) {
        try {
            Class.forName("org.onedoor.workflow." + processId + "Test");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(file + " unreadable", e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " is not JSON", e);
        }
    }
}
