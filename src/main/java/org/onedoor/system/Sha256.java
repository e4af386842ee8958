package org.onedoor.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 with the JDK's provider, the fastest here (Bouncy Castle's pure-Java digest is ten times slower). */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] of(byte[] content) {
        return digest().digest(content);
    }

    /** Lower-case hex, as manifests, the document store and the message log write digests. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }
}
