package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onedoor.packet.PacketFixture.CA;
import static org.onedoor.packet.PacketFixture.FIRE;
import static org.onedoor.packet.PacketFixture.LAND;
import static org.onedoor.packet.PacketFixture.NOW;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The verifier against the negative-packet suite ({@link PacketCases}): each case gets its exact code and none of
 * them leaves a trace (the replay table does not change).
 */
class PacketVerificationTest {

    private static final DataSource DATA = PacketFixture.database("packet-verification");
    private static final CmsPacketSigner LAND_SIGNER = PacketFixture.signer("land-office", LAND);

    private PacketVerifier verifier;

    @BeforeEach
    void verifier() {
        verifier = PacketFixture.verifier(DATA);
    }

    private static SignedPacket valid() {
        return LAND_SIGNER.sign(PacketFixture.decision(NOW));
    }

    static List<PacketCases.Case> badPackets() {
        return PacketCases.badPackets(new PacketCases.Keys(new PacketCases.Party("land-office", LAND),
                new PacketCases.Party("fire-service", FIRE), CA, PacketFixture.STRANGER,
                new PacketCases.Party("land-office", PacketFixture.LAND_EXPIRED),
                new PacketCases.Party("land-office", PacketFixture.LAND_FUTURE)), NOW);
    }

    private long seenRows() {
        return JdbcClient.create(DATA).sql("select count(*) from seen_packet").query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPackets")
    void isRefusedWithItsCodeAndLeavesNothing(PacketCases.Case c) {
        SignedPacket packet = c.packet().get();
        long before = seenRows();
        assertThatThrownBy(() -> verifier.verify(packet, PacketFixture.digests(c.documents()), "odsc"))
                .isInstanceOf(PacketException.class)
                .extracting(e -> ((PacketException) e).code()).isEqualTo(c.code());
        assertThat(seenRows()).isEqualTo(before);
    }

    @Test
    void aValidPacketIsAcceptedOnceAndRemembered() {
        SignedPacket packet = valid();
        long before = seenRows();
        Manifest manifest = verifier.verify(packet, PacketFixture.deed(), "odsc");
        assertThat(manifest.payload()).containsEntry("decision", "approved");
        assertThat(manifest.documents()).hasSize(1);
        assertThat(seenRows()).isEqualTo(before + 1);

        assertThatThrownBy(() -> verifier.verify(packet, PacketFixture.deed(), "odsc"))
                .extracting(e -> ((PacketException) e).code()).isEqualTo("packet.replayed");
        assertThat(seenRows()).isEqualTo(before + 1);
    }

    @Test
    void aReplayIsRefusedAfterARestart() {
        SignedPacket packet = valid();
        verifier.verify(packet, PacketFixture.deed(), "odsc");
        PacketVerifier afterRestart = PacketFixture.verifier(DATA);
        assertThatThrownBy(() -> afterRestart.verify(packet, PacketFixture.deed(), "odsc"))
                .extracting(e -> ((PacketException) e).code()).isEqualTo("packet.replayed");
    }

    @Test
    void theClockWindowIsInclusiveOfFourMinutesEitherWay() {
        verifier.verify(LAND_SIGNER.sign(PacketFixture.decision(NOW.minus(Duration.ofMinutes(4)))), PacketFixture.deed(), "odsc");
        verifier.verify(LAND_SIGNER.sign(PacketFixture.decision(NOW.plus(Duration.ofMinutes(4)))), PacketFixture.deed(), "odsc");
    }

    @Test
    void rsaSignaturesAreAccepted() {
        SignedPacket packet = PacketFixture.signer("land-office", PacketFixture.LAND_RSA).sign(PacketFixture.decision(NOW));
        assertThat(verifier.verify(packet, PacketFixture.deed(), "odsc").sender()).isEqualTo("land-office");
    }

    @Test
    void signingTheSameManifestTwiceGivesTheSameBytes() {
        Manifest manifest = PacketFixture.decision(NOW);
        assertThat(LAND_SIGNER.sign(manifest).manifest()).isEqualTo(manifest.canonicalBytes());
        assertThat(Manifest.fromCanonical(manifest.canonicalBytes())).isEqualTo(manifest);
    }
}
