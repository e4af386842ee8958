package org.onedoor.packet;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.onedoor.system.Sha256;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A small world of parties for packet tests: a CA, trusted certificates for the ODSC and two MDAs (plus an
 * expired and a not-yet-valid one for the land office), a stranger's CA, and a database for the replay guard.
 */
final class PacketFixture {

    static final Instant NOW = Instant.now();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final DevPki.Issued CA = DevPki.ca(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)));
    static final DevPki.Issued ODSC = DevPki.issue(CA, "odsc", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    static final DevPki.Issued LAND = DevPki.issue(CA, "land-office", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    static final DevPki.Issued FIRE = DevPki.issue(CA, "fire-service", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    static final DevPki.Issued LAND_EXPIRED = DevPki.issue(CA, "land-office", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)));
    static final DevPki.Issued LAND_FUTURE = DevPki.issue(CA, "land-office", NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(400)));
    static final DevPki.Issued LAND_RSA = DevPki.issue(CA, "land-office", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), rsa());
    static final DevPki.Issued STRANGER_CA = DevPki.ca(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    static final DevPki.Issued STRANGER = DevPki.issue(STRANGER_CA, "land-office", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));

    static final TrustStore TRUST = new TrustStore(Map.of(
            "odsc", List.of(ODSC.certificate()),
            "land-office", List.of(LAND.certificate(), LAND_EXPIRED.certificate(), LAND_FUTURE.certificate(), LAND_RSA.certificate()),
            "fire-service", List.of(FIRE.certificate())));

    private PacketFixture() {
    }

    static DataSource database(String name) {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        return data;
    }

    static PacketVerifier verifier(DataSource data) {
        return new PacketVerifier(TRUST, new SeenPackets(JdbcClient.create(data), CLOCK), CLOCK, Duration.ofMinutes(5));
    }

    static CmsPacketSigner signer(String party, DevPki.Issued issued) {
        return new CmsPacketSigner(party, new KeyFiles.SigningKey(issued.keys().getPrivate(), issued.certificate()));
    }

    /** A decision from the land office to the ODSC, with the deed beside it. */
    static Manifest decision(Instant createdAt) {
        return PacketCases.decision("land-office", createdAt);
    }

    /** The deed's digest, as a receiver hashes it while it streams in. */
    static Map<String, Sha256.Digest> deed() {
        return digests(PacketCases.deed());
    }

    static Map<String, Sha256.Digest> digests(Map<String, byte[]> documents) {
        Map<String, Sha256.Digest> digests = new java.util.LinkedHashMap<>();
        documents.forEach((name, content) -> digests.put(name, new Sha256.Digest(Sha256.hex(content), content.length)));
        return digests;
    }

    private static java.security.KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
