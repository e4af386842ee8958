package org.onedoor.packet;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/** Loads the signing key and the trust store once at startup, and refuses the development PKI outside the demo. */
@Configuration(proxyBeanMethods = false)
class PacketConfiguration {

    /** In the organisation name of every certificate of the development PKI ({@code certs/dev}, made by the tests' DevPki). */
    static final String DEVELOPMENT_PKI = "DEVELOPMENT ONLY - NOT FOR PRODUCTION";

    private static final Logger log = LoggerFactory.getLogger(PacketConfiguration.class);
    private final ResourceLoader resources = new DefaultResourceLoader();

    @Bean
    PacketSigner packetSigner(PacketProperties properties) {
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            throw new IllegalStateException("onedoor.packet.signing-key is not set: OneDoor signs every receipt and "
                    + "packet it sends. Name a PKCS#12 store or a PEM key (see docs/operations.md).");
        }
        char[] password = properties.keyStorePassword() == null ? new char[0] : properties.keyStorePassword().toCharArray();
        KeyFiles.SigningKey key = KeyFiles.signingKey(resources.getResource(properties.signingKey()),
                properties.signingCertificate() == null ? null : resources.getResource(properties.signingCertificate()), password);
        refuseDevelopmentPki(properties, "onedoor.packet.signing-key", List.of(key.certificate()));
        log.info("Signing packets as '{}' with {}", properties.party(), key);
        return new CmsPacketSigner(properties.party(), key);
    }

    /** The certificates of {@code onedoor.packet.trust} and those every {@link TrustedParties} bean contributes. */
    @Bean
    TrustStore trustStore(PacketProperties properties, List<TrustedParties> contributors) {
        Map<String, List<X509Certificate>> byParty = new LinkedHashMap<>();
        properties.trust().forEach((party, files) -> {
            List<X509Certificate> certificates = new ArrayList<>();
            for (String file : files) {
                certificates.addAll(KeyFiles.certificates(resources.getResource(file)));
            }
            refuseDevelopmentPki(properties, "onedoor.packet.trust." + party, certificates);
            byParty.put(party, certificates);
        });
        for (TrustedParties contributor : contributors) {
            contributor.trustedCertificates().forEach((party, certificates) -> {
                refuseDevelopmentPki(properties, contributor.describe(party), certificates);
                byParty.computeIfAbsent(party, p -> new ArrayList<>()).addAll(certificates);
            });
        }
        return new TrustStore(byParty);
    }

    @Bean
    PacketVerifier packetVerifier(TrustStore trust, SeenPackets replay, Clock clock, PacketProperties properties) {
        return new PacketVerifier(trust, replay, clock, properties.clockSkew());
    }

    static void refuseDevelopmentPki(PacketProperties properties, String setting, List<X509Certificate> certificates) {
        if (properties.allowDevelopmentPki()) {
            return;
        }
        for (X509Certificate certificate : certificates) {
            if (certificate.getIssuerX500Principal().getName().contains(DEVELOPMENT_PKI)
                    || certificate.getSubjectX500Principal().getName().contains(DEVELOPMENT_PKI)) {
                throw new IllegalStateException(setting + " uses a certificate of OneDoor's development PKI ("
                        + certificate.getSubjectX500Principal() + "). It is public and may only be used by the demo "
                        + "profile; configure your own keys and certificates.");
            }
        }
    }
}
