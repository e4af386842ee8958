package org.onedoor.packet;

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
        assertThatThrownBy(() -> configuration.trustStore(properties(false)))
                .hasMessageContaining("onedoor.packet.trust.land-office");
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
