package org.onedoor.packet;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which implementation computes each signature: the fastest on the machines OneDoor runs on (STACK.md, measured
 * again by the packet benchmark beside its ceiling). Bouncy Castle's provider for ECDSA P-256, which signs about
 * seven and verifies about fifteen times as fast as the JDK's SunEC here; the JDK's for RSA and for every digest.
 * The provider is used by reference, not registered, so nothing else in the JVM changes provider.
 */
final class Signatures {

    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Signatures() {
    }

    /** The CMS signature algorithm for a key: ECDSA P-256 or RSA, with SHA-256. */
    static String algorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("Signing keys are ECDSA P-256 or RSA, not " + keyAlgorithm);
        };
    }

    /** The provider that signs and verifies with such a key; null for the JDK's default. */
    static Provider provider(String keyAlgorithm) {
        return "EC".equals(keyAlgorithm) ? BOUNCY_CASTLE : null;
    }

    static Signature verifier(PublicKey key) throws GeneralSecurityException {
        String algorithm = algorithm(key.getAlgorithm());
        Provider provider = provider(key.getAlgorithm());
        Signature signature = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        signature.initVerify(key);
        return signature;
    }
}
