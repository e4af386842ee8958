package org.onedoor.system;

import java.io.IOException;
import java.io.InputStream;
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

    /** A stream's digest and length, read in 64 KiB blocks: a document is hashed without being held in memory. */
    public static Digest of(InputStream content) throws IOException {
        MessageDigest digest = digest();
        byte[] block = new byte[1 << 16];
        long size = 0;
        for (int n; (n = content.read(block)) > 0; size += n) {
            digest.update(block, 0, n);
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), size);
    }

    /** A content's SHA-256 in lower-case hex and its length in bytes. */
    public record Digest(String hex, long size) {
    }

    /** Lower-case hex, as manifests, the document store and the message log write digests. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }
}
