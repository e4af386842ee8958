package org.onedoor.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import org.onedoor.system.Sha256;

/**
 * The secret printed on the citizen's receipt beside the tracking number, so that numbers alone cannot be
 * enumerated. Ten Crockford base-32 characters (50 bits) without the look-alikes I, L, O and U; only its
 * hash is stored.
 */
final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Hash of the code as typed, forgiving case, spaces and dashes. */
    static String hash(String code) {
        String normalised = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return Sha256.hex(normalised.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean matches(String code, String storedHash) {
        return code != null && MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
