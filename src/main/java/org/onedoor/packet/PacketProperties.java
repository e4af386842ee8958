package org.onedoor.packet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onedoor.packet.*}: OneDoor's own signing key and the certificates it trusts per party. Nothing has a
 * default that would work in production: the demo profile points at {@code certs/dev}.
 *
 * @param party            the party OneDoor signs as
 * @param signingKey       a PEM private key or a PKCS#12 store (Spring resource, e.g. {@code file:/etc/onedoor/odsc.p12})
 * @param signingCertificate the PEM certificate of a PEM key (unused with PKCS#12)
 * @param keyStorePassword the PKCS#12 password
 * @param trust            per party, PEM files of the certificates trusted for it
 * @param clockSkew        how far a packet's creation time may be from this server's clock
 * @param allowDevelopmentPki whether certificates of {@code certs/dev} may be used: only the demo says yes
 */
@ConfigurationProperties("onedoor.packet")
public record PacketProperties(
        @DefaultValue("odsc") String party,
        String signingKey,
        String signingCertificate,
        String keyStorePassword,
        @DefaultValue Map<String, List<String>> trust,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("false") boolean allowDevelopmentPki) {
}
