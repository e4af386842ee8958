package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onedoor.packet.PacketFixture.NOW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock OpenSSL and OneDoor agree both ways: OneDoor's signatures verify with {@code openssl cms -verify},
 * and a ministry signing with {@code openssl cms -sign -cades} is verified by OneDoor.
 */
class OpensslInteropTest {

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private Result openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), DevPki.pem(PacketFixture.CA.certificate()));
        Files.writeString(dir.resolve("land-office.pem"), DevPki.pem(PacketFixture.LAND.certificate()));
        Files.writeString(dir.resolve("land-office.key.pem"), DevPki.pem(PacketFixture.LAND.keys()));
    }

    @Test
    void opensslVerifiesWhatOneDoorSigns() throws Exception {
        SignedPacket packet = PacketFixture.signer("odsc", PacketFixture.ODSC).sign(PacketFixture.decision(NOW));
        Files.write(dir.resolve("manifest.json"), packet.manifest());
        Files.write(dir.resolve("signature.p7s"), packet.signature());

        Result ok = openssl("cms", "-verify", "-binary", "-inform", "DER", "-content", "manifest.json",
                "-in", "signature.p7s", "-CAfile", "ca.pem", "-purpose", "any", "-cades", "-out", "/dev/null");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Verification successful");

        Files.writeString(dir.resolve("manifest.json"), new String(packet.manifest(), StandardCharsets.UTF_8)
                .replace("approved", "rejected"));
        Result tampered = openssl("cms", "-verify", "-binary", "-inform", "DER", "-content", "manifest.json",
                "-in", "signature.p7s", "-CAfile", "ca.pem", "-purpose", "any", "-out", "/dev/null");
        assertThat(tampered.exit()).isNotZero();
        assertThat(tampered.output()).contains("Verification failure");
    }

    @Test
    void oneDoorVerifiesWhatAMinistrySignsWithOpenssl() throws Exception {
        byte[] manifest = PacketFixture.decision(NOW).canonicalBytes();
        Files.write(dir.resolve("manifest.json"), manifest);
        Result signed = openssl("cms", "-sign", "-binary", "-cades", "-md", "sha256", "-in", "manifest.json",
                "-signer", "land-office.pem", "-inkey", "land-office.key.pem", "-outform", "DER", "-out", "signature.p7s");
        assertThat(signed.exit()).as(signed.output()).isZero();

        SignedPacket packet = new SignedPacket(manifest, Files.readAllBytes(dir.resolve("signature.p7s")));
        Manifest verified = PacketFixture.verifier(PacketFixture.database("openssl-interop")).verify(packet,
                PacketFixture.deed(), "odsc");
        assertThat(verified.sender()).isEqualTo("land-office");
    }

    @Test
    void withoutCadesOpensslLeavesOutTheSigningCertificateAndOneDoorSaysSo() throws Exception {
        byte[] manifest = PacketFixture.decision(NOW).canonicalBytes();
        Files.write(dir.resolve("manifest.json"), manifest);
        assertThat(openssl("cms", "-sign", "-binary", "-md", "sha256", "-in", "manifest.json", "-signer", "land-office.pem",
                "-inkey", "land-office.key.pem", "-outform", "DER", "-out", "signature.p7s").exit()).isZero();

        SignedPacket packet = new SignedPacket(manifest, Files.readAllBytes(dir.resolve("signature.p7s")));
        assertThatThrownBy(() -> PacketFixture.verifier(PacketFixture.database("openssl-interop-plain"))
                .verify(packet, PacketFixture.deed(), "odsc"))
                .extracting(e -> ((PacketException) e).code()).isEqualTo("signature.attributes-missing");
    }
}
