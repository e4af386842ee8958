package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.mda.ConnectorRegistry;

/** The startup check of the designers' files: every service in processes/ passes; each broken promise is named. */
class ServiceChecksTest {

    private static final Path SERVICES = Path.of("processes/services");
    private static final ConnectorRegistry CONNECTORS = new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION);

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    @TempDir
    Path designer;

    private RepositoryService repository() {
        return extension.getProcessEngine().getRepositoryService();
    }

    @AfterEach
    void undeploy() {
        repository().createDeploymentQuery().list().forEach(d -> repository().deleteDeployment(d.getId(), true));
    }

    /** Deploys every routing table of processes/, as the application does at startup. */
    private void deployRoutingTables() throws IOException {
        DeploymentBuilder deployment = repository().createDeployment();
        try (Stream<Path> files = Files.walk(SERVICES)) {
            for (Path dmn : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                deployment.addString(dmn.getFileName().toString(), Files.readString(dmn));
            }
        }
        deployment.deploy();
    }

    private ServiceChecks checks(ServiceCatalogue catalogue) {
        return new ServiceChecks(repository(), catalogue, CONNECTORS);
    }

    @Test
    void everyServiceInProcessesPasses() throws IOException {
        deployRoutingTables();
        assertThat(checks(new ServiceCatalogue(ServiceCatalogue.DEFAULT_LOCATION)).problems()).isEmpty();
    }

    @Test
    void aBrokenServiceStopsStartupNamingTheFileAndTheField() throws IOException {
        Path source = SERVICES.resolve("trade-licence");
        Path copy = Files.createDirectories(designer.resolve("trade-licence"));
        Files.writeString(copy.resolve("service.yaml"), Files.readString(source.resolve("service.yaml"))
                + "  nowhere:\n    documents: [national-id]\n");
        String table = Files.readString(source.resolve("TradeLicenceRouting.dmn"));
        repository().createDeployment().addString("TradeLicenceRouting.dmn", table
                .replace("<text>\"environment\"</text>", "<text>\"health-directorate\"</text>")
                .replace("name=\"reviewLevels\"", "name=\"levels\"")).deploy();
        ServiceChecks checks = checks(new ServiceCatalogue("file:" + designer + "/*/service.yaml"));

        assertThat(checks.problems()).containsExactlyInAnyOrder(
                "trade-licence/TradeLicenceRouting.dmn: no output 'reviewLevels'; the service process reads "
                        + "[mda, stage, reviewLevels]",
                "trade-licence/TradeLicenceRouting.dmn: rule Rule_EnvironmentClearance, output 'mda': MDA "
                        + "'health-directorate' has no connectors/health-directorate/connector.yaml",
                "trade-licence/service.yaml: legs.nowhere: no connectors/nowhere/connector.yaml");
        assertThatThrownBy(() -> checks.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The services in processes/ cannot take requests as they are:\n- ");
    }

    @Test
    void aServiceWhoseRoutingTableIsNotDeployedIsNamed() throws IOException {
        Path copy = Files.createDirectories(designer.resolve("trade-licence"));
        Files.copy(SERVICES.resolve("trade-licence/service.yaml"), copy.resolve("service.yaml"));
        assertThat(checks(new ServiceCatalogue("file:" + designer + "/*/service.yaml")).problems()).containsExactly(
                "trade-licence/service.yaml: routing: no decision 'TradeLicenceRouting' is deployed "
                        + "(TradeLicenceRouting.dmn beside service.yaml, its decision's id 'TradeLicenceRouting')");
    }
}
