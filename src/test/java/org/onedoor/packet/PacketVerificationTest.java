package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onedoor.packet.PacketFixture.CA;
import static org.onedoor.packet.PacketFixture.FIRE;
import static org.onedoor.packet.PacketFixture.LAND;
import static org.onedoor.packet.PacketFixture.NOW;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The negative-packet suite: every way a packet can be wrong, each with its exact code, and none of them
 * leaving a trace (the replay table does not change).
 */
class PacketVerificationTest {

    private static final DataSource DATA = PacketFixture.database("packet-verification");
    private static final CmsPacketSigner LAND_SIGNER = PacketFixture.signer("land-office", LAND);

    private PacketVerifier verifier;

    @BeforeEach
    void verifier() {
        verifier = PacketFixture.verifier(DATA);
    }

    /** A case: how to build the packet, which documents come with it, which code it must get. */
    record Case(String name, Supplier<SignedPacket> packet, Map<String, byte[]> documents, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static SignedPacket valid() {
        return LAND_SIGNER.sign(PacketFixture.decision(NOW));
    }

    private static SignedPacket signedBytes(String manifestJson) {
        byte[] bytes = manifestJson.getBytes(StandardCharsets.UTF_8);
        return new SignedPacket(bytes, LAND_SIGNER.sign(bytes));
    }

    private static String validJson() {
        return new String(PacketFixture.decision(NOW).canonicalBytes(), StandardCharsets.UTF_8);
    }

    /** Signs with a CMS made by hand, to leave out or change the signed attributes. */
    private static SignedPacket customCms(boolean signedAttributes, boolean signingCertificate, DevPki.Issued certFor) {
        try {
            byte[] bytes = PacketFixture.decision(NOW).canonicalBytes();
            var builder = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
            if (!signedAttributes) {
                builder.setDirectSignature(true);
            } else if (signingCertificate) {
                builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                        CmsPacketSigner.signingCertificateV2(certFor.certificate())));
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(LAND.keys().getPrivate()), LAND.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(LAND.certificate()));
            return new SignedPacket(bytes, generator.generate(new CMSProcessableByteArray(bytes), false).getEncoded(ASN1Encoding.DER));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> docs(String name, byte[] content) {
        Map<String, byte[]> documents = new HashMap<>(PacketFixture.deed());
        documents.put(name, content);
        return documents;
    }

    static Stream<Arguments> badPackets() {
        Map<String, byte[]> deed = PacketFixture.deed();
        return Stream.of(
                new Case("tampered payload", () -> {
                    SignedPacket p = valid();
                    String tampered = new String(p.manifest(), StandardCharsets.UTF_8).replace("approved", "rejected");
                    return new SignedPacket(tampered.getBytes(StandardCharsets.UTF_8), p.signature());
                }, deed, "signature.invalid"),
                new Case("tampered tracking number", () -> {
                    SignedPacket p = valid();
                    String tampered = new String(p.manifest(), StandardCharsets.UTF_8).replace("000123", "000124");
                    return new SignedPacket(tampered.getBytes(StandardCharsets.UTF_8), p.signature());
                }, deed, "signature.invalid"),
                new Case("signature of another manifest", () -> new SignedPacket(valid().manifest(), valid().signature()),
                        deed, "signature.invalid"),
                new Case("tampered document", PacketVerificationTest::valid,
                        docs("deed", "%PDF-1.4 the sale deed, altered".getBytes(StandardCharsets.US_ASCII)), "document.digest-mismatch"),
                new Case("document with the same size, other bytes", PacketVerificationTest::valid,
                        docs("deed", "%PDF-1.4 the SALE deed".getBytes(StandardCharsets.US_ASCII)), "document.digest-mismatch"),
                new Case("missing document", PacketVerificationTest::valid, Map.of(), "document.missing"),
                new Case("extra document", PacketVerificationTest::valid, docs("licence", new byte[] {1, 2, 3}), "document.unexpected"),
                new Case("wrong key for the certificate", () -> {
                    CmsPacketSigner mixed = new CmsPacketSigner("land-office",
                            new KeyFiles.SigningKey(FIRE.keys().getPrivate(), LAND.certificate()));
                    return mixed.sign(PacketFixture.decision(NOW));
                }, deed, "signature.invalid"),
                new Case("unknown signer", () -> PacketFixture.signer("land-office", PacketFixture.STRANGER)
                        .sign(PacketFixture.decision(NOW)), deed, "signer.untrusted"),
                new Case("signer trusted for another party", () -> PacketFixture.signer("fire-service", FIRE)
                        .sign(PacketFixture.decision(NOW)), deed, "signer.untrusted"),
                new Case("the CA itself signs", () -> PacketFixture.signer("land-office", CA)
                        .sign(PacketFixture.decision(NOW)), deed, "signer.untrusted"),
                new Case("expired certificate", () -> PacketFixture.signer("land-office", PacketFixture.LAND_EXPIRED)
                        .sign(PacketFixture.decision(NOW)), deed, "certificate.expired"),
                new Case("certificate not yet valid", () -> PacketFixture.signer("land-office", PacketFixture.LAND_FUTURE)
                        .sign(PacketFixture.decision(NOW)), deed, "certificate.not-yet-valid"),
                new Case("created too long ago", () -> LAND_SIGNER.sign(PacketFixture.decision(NOW.minus(Duration.ofMinutes(6)))),
                        deed, "packet.clock-skew"),
                new Case("created in the future", () -> LAND_SIGNER.sign(PacketFixture.decision(NOW.plus(Duration.ofMinutes(6)))),
                        deed, "packet.clock-skew"),
                new Case("truncated signature", () -> {
                    SignedPacket p = valid();
                    return new SignedPacket(p.manifest(), Arrays.copyOf(p.signature(), p.signature().length / 2));
                }, deed, "signature.malformed"),
                new Case("empty signature", () -> new SignedPacket(valid().manifest(), new byte[0]), deed, "signature.malformed"),
                new Case("signature that is not CMS", () -> new SignedPacket(valid().manifest(),
                        "-----BEGIN PKCS7-----".getBytes(StandardCharsets.US_ASCII)), deed, "signature.malformed"),
                new Case("wrong recipient", () -> signedBytes(validJson().replace("\"recipient\":\"odsc\"",
                        "\"recipient\":\"fire-service\"")), deed, "packet.wrong-recipient"),
                new Case("white space in the manifest", () -> signedBytes(validJson().replace(",\"type\"", ", \"type\"")),
                        deed, "packet.not-canonical"),
                new Case("members out of order", () -> signedBytes(validJson()
                        .replace(",\"trackingNumber\":\"ODSC-2026-000123-7\"", "")
                        .replace("{\"createdAt\"", "{\"trackingNumber\":\"ODSC-2026-000123-7\",\"createdAt\"")), deed,
                        "packet.not-canonical"),
                new Case("number not in shortest form", () -> signedBytes(validJson().replace("8.25", "8.250")), deed,
                        "packet.not-canonical"),
                new Case("duplicate member", () -> signedBytes(validJson().replace("{\"createdAt\"",
                        "{\"createdAt\":\"x\",\"createdAt\"")), deed, "packet.malformed"),
                new Case("not JSON", () -> signedBytes("<packet/>"), deed, "packet.malformed"),
                new Case("missing packet id", () -> signedBytes(validJson().replaceFirst("\"packetId\":\"[^\"]+\",", "")),
                        deed, "packet.schema"),
                new Case("packet id not a UUID", () -> signedBytes(validJson().replaceFirst("\"packetId\":\"[^\"]+\"",
                        "\"packetId\":\"42\"")), deed, "packet.schema"),
                new Case("unknown packet type", () -> signedBytes(validJson().replace("\"type\":\"decision\"",
                        "\"type\":\"verdict\"")), deed, "packet.schema"),
                new Case("creation time without milliseconds", () -> signedBytes(validJson().replaceFirst(
                        "\"createdAt\":\"([^\".]+)\\.\\d{3}Z\"", "\"createdAt\":\"$1Z\"")), deed, "packet.schema"),
                new Case("unknown manifest field", () -> signedBytes(validJson().replace("\"sender\"",
                        "\"secret\":\"x\",\"sender\"")), deed, "packet.schema"),
                new Case("bad document digest field", () -> signedBytes(validJson().replaceFirst("\"sha256\":\"[0-9a-f]+\"",
                        "\"sha256\":\"ABC\"")), deed, "packet.schema"),
                new Case("payload not an object", () -> signedBytes(validJson().replaceFirst("\"payload\":\\{[^}]*}",
                        "\"payload\":[]")), deed, "packet.schema"),
                new Case("no signed attributes", () -> customCms(false, false, LAND), deed, "signature.attributes-missing"),
                new Case("no signing-certificate-v2", () -> customCms(true, false, LAND), deed, "signature.attributes-missing"),
                new Case("signing-certificate-v2 of another certificate", () -> customCms(true, true, FIRE), deed,
                        "signature.invalid"))
                .map(Arguments::of);
    }

    private long seenRows() {
        return JdbcClient.create(DATA).sql("select count(*) from seen_packet").query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPackets")
    void isRefusedWithItsCodeAndLeavesNothing(Case c) {
        SignedPacket packet = c.packet().get();
        long before = seenRows();
        assertThatThrownBy(() -> verifier.verify(packet, c.documents(), "odsc"))
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
