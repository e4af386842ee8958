package org.onedoor.packet;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which implementation computes each signature: the fastest on the machines OneDoor runs on (STACK.md, measured
 * again by the packet benchmark beside its ceiling). Bouncy Castle's provider for ECDSA P-256, which signs about
 * seven and verifies about fifteen times as fast as the JDK's SunEC here; the JDK's for RSA and for every digest.
 * The provider is used by reference, not registered, so nothing else in the JVM changes provider.
 */
final class Signatures {

    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final Map<PublicKey, PublicKey> VERIFYING = new ConcurrentHashMap<>();

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

    /**
     * The signing key in its provider's own form, converted once. Bouncy Castle converts a JDK key anew at every
     * signature, and with it the curve's base point, whose precomputed multiples it then computes again: signing
     * with a converted key is several times faster (docs/benchmarks.md, 2026-12-07).
     */
    static PrivateKey signingKey(PrivateKey key) {
        Provider provider = provider(key.getAlgorithm());
        if (provider == null) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), provider).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot convert the signing key for " + provider.getName(), e);
        }
    }

    /**
     * A verifier for a pinned signer's key. The key is converted to its provider's form once and kept, for the same
     * reason as {@link #signingKey}: only keys of pinned certificates come here, so the map stays as small as the
     * trust store.
     */
    static Signature verifier(PublicKey key) throws GeneralSecurityException {
        String algorithm = algorithm(key.getAlgorithm());
        Provider provider = provider(key.getAlgorithm());
        Signature signature = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        signature.initVerify(provider == null ? key : converted(key, provider));
        return signature;
    }

    private static PublicKey converted(PublicKey key, Provider provider) throws GeneralSecurityException {
        PublicKey converted = VERIFYING.get(key);
        if (converted == null) {
            converted = KeyFactory.getInstance(key.getAlgorithm(), provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            VERIFYING.put(key, converted);
        }
        return converted;
    }
}
