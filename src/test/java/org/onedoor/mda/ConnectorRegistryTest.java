package org.onedoor.mda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.system.YamlFiles.InvalidFileException;
import org.springframework.mock.env.MockEnvironment;

/** Connectors are data: a folder with a connector.yaml and a certificate is an MDA, checked field by field. */
class ConnectorRegistryTest {

    @TempDir
    Path connectors;

    static final String TAX_OFFICE = """
            code: tax-office
            name:
              en: Circle Tax Office
              bn: সার্কেল কর অফিস
            mode: rest
            endpoint: ${tax.base}/packets
            timeouts:
              connect: 1s
              response: 10s
            redelivery:
              attempts: 3
              delay: 250ms
            retryCycle: R3/PT30S
            trust: [tax-office.pem]
            """;

    private ConnectorRegistry registry(MockEnvironment environment) {
        return new ConnectorRegistry(org.onedoor.system.YamlFiles.find("file:" + connectors + "/*/connector.yaml"),
                environment);
    }

    private void write(String folder, String yaml) throws IOException {
        Files.createDirectories(connectors.resolve(folder));
        Files.writeString(connectors.resolve(folder).resolve("connector.yaml"), yaml);
        Files.copy(Path.of("certs/dev/land-office.pem"), connectors.resolve(folder).resolve(folder + ".pem"));
    }

    @Test
    void aNewFolderIsANewMdaWithItsTransportPolicyAndTrust() throws IOException {
        write("tax-office", TAX_OFFICE);
        ConnectorRegistry registry = registry(new MockEnvironment().withProperty("tax.base", "https://tax.example"));

        Connector tax = registry.get("tax-office");
        assertThat(tax.mode()).isEqualTo(Connector.Mode.rest);
        assertThat(tax.timeouts().responseDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(tax.redelivery().attempts()).isEqualTo(3);
        assertThat(tax.redelivery().delayDuration()).isEqualTo(Duration.ofMillis(250));
        assertThat(tax.retryCycle()).isEqualTo("R3/PT30S");
        assertThat(registry.endpoint(tax)).isEqualTo("https://tax.example/packets");
        assertThat(registry.trustedCertificates().get("tax-office")).hasSize(1);
        assertThat(registry.describe("tax-office")).isEqualTo("connectors/tax-office/connector.yaml (trust)");
    }

    @Test
    void anOperatorOverridesTheEndpointPerEnvironment() throws IOException {
        write("tax-office", TAX_OFFICE);
        ConnectorRegistry registry = registry(new MockEnvironment().withProperty("tax.base", "https://tax.example")
                .withProperty("onedoor.connectors.tax-office.endpoint", "https://tax.gov.example/onedoor"));
        assertThat(registry.endpoint(registry.get("tax-office"))).isEqualTo("https://tax.gov.example/onedoor");
    }

    @Test
    void everyMistakeNamesTheFileAndTheField() throws IOException {
        write("tax-office", TAX_OFFICE.replace("endpoint: ${tax.base}/packets\n", "")
                .replace("R3/PT30S", "every minute").replace("250ms", "soon"));
        assertThatThrownBy(() -> registry(new MockEnvironment()))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageStartingWith("tax-office/connector.yaml: ")
                .hasMessageContaining("endpoint: a rest MDA needs an http(s) address")
                .hasMessageContaining("retryCycle: a Camunda retry cycle such as R5/PT1M, not 'every minute'")
                .hasMessageContaining("redelivery.delay: a duration such as 500ms");
    }

    @Test
    void aMissingCertificateOrAnUnknownModeIsRefused() throws IOException {
        write("tax-office", TAX_OFFICE.replace("[tax-office.pem]", "[nowhere.pem]"));
        assertThatThrownBy(() -> registry(new MockEnvironment()))
                .hasMessage("tax-office/connector.yaml: trust[0]: 'nowhere.pem' is not a readable PEM certificate "
                        + "beside connector.yaml");
        write("post-office", TAX_OFFICE.replace("tax-office", "post-office").replace("mode: rest", "mode: fax"));
        assertThatThrownBy(() -> registry(new MockEnvironment())).hasMessageContaining("post-office/connector.yaml: mode");
    }

    @Test
    void theDemoConnectorsUseEveryTransport() {
        ConnectorRegistry demo = new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION);
        assertThat(demo.all()).extracting(Connector::mode)
                .contains(Connector.Mode.rest, Connector.Mode.soap, Connector.Mode.tasklist);
        assertThat(demo.trustedCertificates()).containsKeys("fire-service", "environment");
    }
}
