package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.mda.ConnectorRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * The checks of the designers' files before they are deployed: every service in processes/ passes; each broken
 * promise is named by its file and field, under its service when it has one.
 */
class ServiceChecksTest {

    static final ConnectorRegistry CONNECTORS = new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION);

    @TempDir
    Path processes;

    @BeforeEach
    void copyProcesses() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("processes"), processes);
    }

    private ServiceChecks.Report report() {
        return new ServiceChecks(CONNECTORS).check(ProcessFiles.read("file:" + processes + "/"));
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        Path path = processes.resolve(file);
        Files.writeString(path, change.apply(Files.readString(path)));
    }

    private List<String> problemsOf(String service) {
        return report().services().get(service).stream().map(ServiceChecks.Problem::toString).toList();
    }

    @Test
    void everyServiceInProcessesPasses() {
        ServiceChecks.Report report = report();
        assertThat(report.all()).isEmpty();
        assertThat(report.clean()).isTrue();
    }

    @Test
    void aRoutingTableThatBreaksItsPromisesIsNamedByFileRuleAndField() throws IOException {
        edit("services/trade-licence/service.yaml", yaml -> yaml + "  nowhere:\n    documents: [national-id]\n");
        edit("services/trade-licence/TradeLicenceRouting.dmn", table -> table
                .replace("<text>\"environment\"</text>", "<text>\"health-directorate\"</text>")
                .replace("name=\"reviewLevels\"", "name=\"levels\"")
                .replace("<text>paidUpCapital</text>", "<text>capital</text>"));

        assertThat(report().common()).isEmpty();
        assertThat(problemsOf("trade-licence")).containsExactlyInAnyOrder(
                "services/trade-licence/TradeLicenceRouting.dmn: no output 'reviewLevels'; the service process reads "
                        + "[mda, stage, reviewLevels]",
                "services/trade-licence/TradeLicenceRouting.dmn: input 'Paid-up capital (BDT)': reads 'capital', "
                        + "which is not a field of services/trade-licence/service.yaml",
                "services/trade-licence/TradeLicenceRouting.dmn: rule Rule_EnvironmentClearance, output 'mda': MDA "
                        + "'health-directorate' has no connectors/health-directorate/connector.yaml",
                "services/trade-licence/service.yaml: legs.nowhere: no connectors/nowhere/connector.yaml");
    }

    @Test
    void aRuleOverDocumentsMayNameOnlyTheServicesDocumentKinds() throws IOException {
        edit("services/trade-licence/TradeLicenceRouting.dmn", table -> table
                .replace("<text>businessCategory</text>",
                        "<text>list contains(documents, \"fire-safety-plan\") or list contains(documents, \"x-ray\")</text>"));
        assertThat(problemsOf("trade-licence")).containsExactly(
                "services/trade-licence/TradeLicenceRouting.dmn: input 'Business category': reads document kind "
                        + "'x-ray', which is not a document of services/trade-licence/service.yaml");
    }

    @Test
    void aMissingRoutingTableOrProcessIsNamedInServiceYaml() throws IOException {
        Files.delete(processes.resolve("services/trade-licence/TradeLicenceRouting.dmn"));
        edit("services/trade-licence/service.yaml", yaml -> yaml.replace("routing: TradeLicenceRouting",
                "routing: TradeLicenceRouting\nprocess: TradeLicence"));
        assertThat(problemsOf("trade-licence")).containsExactly(
                "services/trade-licence/service.yaml: process: no BPMN file declares process 'TradeLicence'",
                "services/trade-licence/service.yaml: routing: no DMN file declares decision 'TradeLicenceRouting' "
                        + "(TradeLicenceRouting.dmn beside service.yaml, its decision's id 'TradeLicenceRouting')");
    }

    @Test
    void anInvalidCatalogueEntryOrUnreadableFileBelongsToItsService() throws IOException {
        edit("services/land-mutation/service.yaml", yaml -> yaml.replace("\nslaWorkingDays:", "\nslaWorkingDays: 0\n#"));
        Files.writeString(processes.resolve("services/trade-licence/TradeLicenceRouting.dmn"), "<definitions");
        ServiceChecks.Report report = report();
        assertThat(report.common()).isEmpty();
        assertThat(report.services()).containsOnlyKeys("land-mutation", "trade-licence");
        assertThat(problemsOf("land-mutation")).containsExactly(
                "services/land-mutation/service.yaml: slaWorkingDays: must be at least 1");
        assertThat(problemsOf("trade-licence")).anySatisfy(p ->
                assertThat(p).startsWith("services/trade-licence/TradeLicenceRouting.dmn: cannot be parsed: "));
    }

    @Test
    void aTasksMissingFormOrAnUnreadableCommonFileBreaksEveryService() throws IOException {
        Files.delete(processes.resolve("common/ReviewRequest.form"));
        Files.writeString(processes.resolve("common/MdaExchange.bpmn"), "not XML");
        ServiceChecks.Report report = report();
        assertThat(report.common()).extracting(ServiceChecks.Problem::toString).contains(
                "common/OfficerReview.bpmn: task Task_ReviewAsDeskOfficer, camunda:formRef: no form file declares "
                        + "'ReviewRequest'; forms are [GrievanceAnswer, GrievanceAppeal]")
                .anySatisfy(p -> assertThat(p).startsWith("common/MdaExchange.bpmn: cannot be parsed: "));
    }

    @Test
    void aProcessOrDecisionWithoutHistoryTimeToLiveIsNamed() throws IOException {
        edit("services/land-mutation/LandMutationRouting.dmn", dmn -> dmn.replace(" camunda:historyTimeToLive=\"P1825D\"", ""));
        edit("common/MdaExchange.bpmn", bpmn -> bpmn.replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", ""));
        assertThat(problemsOf("land-mutation")).containsExactly("services/land-mutation/LandMutationRouting.dmn: "
                + "decision LandMutationRouting: camunda:historyTimeToLive is required (History cleanup in the Modeler)");
        assertThat(report().common()).extracting(ServiceChecks.Problem::toString).containsExactly("common/MdaExchange.bpmn: "
                + "process MdaExchange: camunda:historyTimeToLive is required (History cleanup in the Modeler)");
    }

    @Test
    void twoFilesDeclaringOneIdAreNamed() throws IOException {
        Files.copy(processes.resolve("services/land-mutation/LandMutationRouting.dmn"),
                processes.resolve("services/land-mutation/Copy.dmn"));
        assertThat(problemsOf("land-mutation")).containsExactly(
                "services/land-mutation/LandMutationRouting.dmn: id: 'LandMutationRouting' is also declared by "
                        + "services/land-mutation/Copy.dmn");
    }
}
