package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Deploying the designers' files from a directory: only after the checks pass, only what changed, and a broken
 * service either refused with nothing deployed or, when the setting says so, left out of deployment and catalogue.
 */
class ProcessDeploymentTest {

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    @TempDir
    Path processes;

    private final ServiceCatalogue catalogue = new ServiceCatalogue();
    /** The revisions two nodes share, in a database of their own. */
    private static final JdbcClient REVISIONS_DB = JdbcClient.create(
            new DriverManagerDataSource("jdbc:h2:mem:process-revisions;DB_CLOSE_DELAY=-1"));
    private final ProcessRevisions revisions = new ProcessRevisions(REVISIONS_DB);

    private RepositoryService repository() {
        return extension.getProcessEngine().getRepositoryService();
    }

    @BeforeEach
    void copyProcesses() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("processes"), processes);
        REVISIONS_DB.sql("drop table if exists process_revision").update();
        REVISIONS_DB.sql(Files.readString(Path.of("src/main/resources/db/migration/V11__process_revision.sql"))).update();
    }

    @AfterEach
    void undeploy() {
        repository().createDeploymentQuery().list().forEach(d -> repository().deleteDeployment(d.getId(), true));
    }

    private ProcessDeployment deployment(String invalidServices) {
        return new ProcessDeployment(repository(), catalogue, ServiceChecksTest.CONNECTORS, revisions,
                "file:" + processes + "/", invalidServices);
    }

    private void breakTradeLicence() throws IOException {
        Path table = processes.resolve("services/trade-licence/TradeLicenceRouting.dmn");
        Files.writeString(table, Files.readString(table).replace("name=\"stage\"", "name=\"phase\""));
    }

    @Test
    void theFilesAreDeployedUnderTheirPathsAndOnlyWhatChangedBecomesANewVersion() throws IOException {
        ProcessDeployment deployment = deployment("refuse");
        ProcessDeployment.Outcome first = deployment.deploy();
        assertThat(first.deployed()).extracting(ProcessDeployment.Definition::resource)
                .contains("common/ServiceRequest.bpmn", "services/trade-licence/TradeLicenceRouting.dmn");
        assertThat(catalogue.all()).extracting(ServiceDefinition::code)
                .containsExactlyInAnyOrderElementsOf(first.services()).isNotEmpty();

        assertThat(deployment.deploy().deployed()).as("nothing changed").isEmpty();

        Path table = processes.resolve("services/land-mutation/LandMutationRouting.dmn");
        Files.writeString(table, Files.readString(table).replace("</definitions>", "<!-- edited --></definitions>"));
        assertThat(deployment.deploy().deployed()).containsExactly(new ProcessDeployment.Definition("decision",
                "LandMutationRouting", 2, "services/land-mutation/LandMutationRouting.dmn"));
        assertThat(deployment.last().deployed()).hasSize(1);
    }

    @Test
    void aNodeFollowsARedeploymentMadeOnAnotherNode() throws IOException {
        ServiceCatalogue otherCatalogue = new ServiceCatalogue();
        ProcessDeployment here = deployment("refuse");
        ProcessDeployment there = new ProcessDeployment(repository(), otherCatalogue, ServiceChecksTest.CONNECTORS,
                revisions, "file:" + processes + "/", "refuse");
        here.deploy();
        there.deploy();
        assertThat(REVISIONS_DB.sql("select count(*) from process_revision").query(Long.class).single())
                .as("the same files are one revision").isOne();

        Path entry = processes.resolve("services/land-mutation/service.yaml");
        Files.writeString(entry, Files.readString(entry).replace("slaWorkingDays: 28", "slaWorkingDays: 25"));
        here.deploy();
        assertThat(otherCatalogue.find("land-mutation").orElseThrow().slaWorkingDays()).isEqualTo(28);
        there.follow();
        assertThat(otherCatalogue.find("land-mutation").orElseThrow().slaWorkingDays()).isEqualTo(25);
        here.follow();
        assertThat(REVISIONS_DB.sql("select count(*) from process_revision").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aBrokenServiceIsRefusedWithItsFileAndFieldAndNothingIsDeployed() throws IOException {
        breakTradeLicence();
        assertThatThrownBy(() -> deployment("refuse").deploy())
                .isInstanceOfSatisfying(ProcessDeployment.InvalidProcessFiles.class, e -> {
                    assertThat(e.code()).isEqualTo("processes.invalid");
                    assertThat(e.violations()).containsExactly(new Violation(
                            "services/trade-licence/TradeLicenceRouting.dmn", "processes.invalid",
                            "no output 'stage'; the service process reads [mda, stage, reviewLevels]"));
                });
        assertThat(repository().createDeploymentQuery().count()).isZero();
        assertThat(catalogue.all()).isEmpty();
    }

    @Test
    void atStartupABrokenServiceStopsTheApplicationNamingTheProblem() throws IOException {
        breakTradeLicence();
        assertThatThrownBy(() -> deployment("refuse").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The process files at file:" + processes + "/ cannot take requests as they are:\n"
                        + "- services/trade-licence/TradeLicenceRouting.dmn: no output 'stage'; the service process "
                        + "reads [mda, stage, reviewLevels]");
    }

    @Test
    void withLeaveOutABrokenServiceIsLeftOutOfDeploymentAndCatalogueAndReported() throws IOException {
        breakTradeLicence();
        ProcessDeployment.Outcome outcome = deployment("leave-out").deploy();

        assertThat(outcome.leftOut()).containsExactly(new ProcessDeployment.LeftOut("trade-licence", List.of(
                "services/trade-licence/TradeLicenceRouting.dmn: no output 'stage'; the service process reads "
                        + "[mda, stage, reviewLevels]")));
        assertThat(catalogue.offered("trade-licence")).as("no new request").isEmpty();
        assertThat(catalogue.find("trade-licence")).as("its filed requests go on").isPresent();
        assertThat(catalogue.all()).isNotEmpty();
        assertThat(repository().createDecisionDefinitionQuery().decisionDefinitionKey("TradeLicenceRouting").count())
                .isZero();
        assertThat(repository().createProcessDefinitionQuery().processDefinitionKey("ServiceRequest").count()).isOne();
    }

    @Test
    void aBrokenCommonFileIsRefusedEvenWithLeaveOut() throws IOException {
        Files.delete(processes.resolve("common/ReviewRequest.form"));
        assertThatThrownBy(() -> deployment("leave-out").deploy())
                .isInstanceOf(ProcessDeployment.InvalidProcessFiles.class);
        assertThat(repository().createDeploymentQuery().count()).isZero();
    }

    @Test
    void anUnknownSettingIsRefused() {
        assertThatThrownBy(() -> deployment("skip")).hasMessage(
                "onedoor.processes.invalid-services: 'skip' must be refuse or leave-out");
    }
}
