package org.onedoor.packet;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which certificates OneDoor trusts for which party. Certificates are pinned per party: a certificate
 * trusted for the land office does not make a packet from the fire service acceptable.
 */
public record TrustStore(Map<String, List<X509Certificate>> byParty) {

    public TrustStore {
        byParty = Map.copyOf(byParty);
    }

    /**
     * The pinned certificate whose DER encoding is {@code encoded}, if the party trusts it. Verifying with the
     * instance loaded at startup reuses its already decoded and checked public key.
     */
    Optional<X509Certificate> pinned(String party, byte[] encoded) {
        return byParty.getOrDefault(party, List.of()).stream().filter(c -> encodingOf(c, encoded)).findFirst();
    }

    private static boolean encodingOf(X509Certificate certificate, byte[] encoded) {
        try {
            return Arrays.equals(certificate.getEncoded(), encoded);
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
