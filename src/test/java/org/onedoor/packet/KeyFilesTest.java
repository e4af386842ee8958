package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsAPkcs12StoreAndSignsWithIt() throws Exception {
        char[] password = "change-me".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("land-office", PacketFixture.LAND.keys().getPrivate(), password,
                new Certificate[] {PacketFixture.LAND.certificate(), PacketFixture.CA.certificate()});
        Path file = dir.resolve("land-office.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        KeyFiles.SigningKey key = KeyFiles.signingKey(new FileSystemResource(file), null, password);
        assertThat(key.certificate()).isEqualTo(PacketFixture.LAND.certificate());
        assertThat(key.toString()).doesNotContain("PRIVATE").contains("land-office");

        SignedPacket packet = new CmsPacketSigner("land-office", key).sign(PacketFixture.decision(PacketFixture.NOW));
        assertThat(PacketFixture.verifier(PacketFixture.database("pkcs12")).verify(packet, PacketFixture.deed(), "odsc")
                .sender()).isEqualTo("land-office");
    }

    @Test
    void readsPemKeysAndCertificatesAsDevPkiWritesThem() throws Exception {
        Path key = Files.writeString(dir.resolve("odsc.key.pem"), DevPki.pem(PacketFixture.ODSC.keys()));
        Path cert = Files.writeString(dir.resolve("odsc.pem"), DevPki.pem(PacketFixture.ODSC.certificate()));
        KeyFiles.SigningKey loaded = KeyFiles.signingKey(new FileSystemResource(key), new FileSystemResource(cert), new char[0]);
        assertThat(loaded.key()).isEqualTo(PacketFixture.ODSC.keys().getPrivate());
        assertThat(KeyFiles.certificates(new FileSystemResource(cert))).containsExactly(PacketFixture.ODSC.certificate());
    }
}
