package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PacketConfigurationTest {

    private static PacketProperties properties(boolean allowDevelopmentPki) {
        return new PacketProperties("odsc", "file:certs/dev/odsc.key.pem", "file:certs/dev/odsc.pem", null,
                Map.of("land-office", List.of("file:certs/dev/land-office.pem")), Duration.ofMinutes(5), allowDevelopmentPki);
    }

    @Test
    void outsideTheDemoTheDevelopmentPkiIsRefusedWithAClearMessage() {
        PacketConfiguration configuration = new PacketConfiguration();
        assertThatThrownBy(() -> configuration.packetSigner(properties(false)))
                .hasMessageContaining("onedoor.packet.signing-key uses a certificate of OneDoor's development PKI");
        assertThatThrownBy(() -> configuration.trustStore(properties(false), List.of()))
                .hasMessageContaining("onedoor.packet.trust.land-office");
        TrustedParties connector = new TrustedParties() {
            @Override
            public Map<String, List<java.security.cert.X509Certificate>> trustedCertificates() {
                return Map.of("fire-service", KeyFiles.certificates(new org.springframework.core.io.FileSystemResource(
                        "connectors/fire-service/fire-service.dev.pem")));
            }

            @Override
            public String describe(String party) {
                return "connectors/" + party + "/connector.yaml (trust)";
            }
        };
        PacketProperties noFileTrust = new PacketProperties("odsc", null, null, null, Map.of(), Duration.ofMinutes(5), false);
        assertThatThrownBy(() -> configuration.trustStore(noFileTrust, List.of(connector)))
                .hasMessageContaining("connectors/fire-service/connector.yaml (trust) uses a certificate of OneDoor's development PKI");
        assertThat(configuration.trustStore(properties(true), List.of(connector)).byParty())
                .containsKeys("land-office", "fire-service");
    }

    @Test
    void theDemoMayUseIt() {
        PacketConfiguration configuration = new PacketConfiguration();
        assertThatCode(() -> configuration.packetSigner(properties(true))).doesNotThrowAnyException();
    }

    @Test
    void withoutASigningKeyOneDoorDoesNotStart() {
        assertThatThrownBy(() -> new PacketConfiguration().packetSigner(new PacketProperties("odsc", null, null, null,
                Map.of(), Duration.ofMinutes(5), false)))
                .hasMessageContaining("onedoor.packet.signing-key is not set");
    }
}
