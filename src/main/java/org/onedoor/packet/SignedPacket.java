package org.onedoor.packet;

import java.util.Base64;
import java.util.Map;

/**
 * A manifest's exact signed bytes and its detached CMS signature (DER). Inside JSON it travels as
 * {@code {"manifest": base64, "signature": base64}}.
 */
public record SignedPacket(byte[] manifest, byte[] signature) {

    public Map<String, String> toJson() {
        return Map.of("manifest", Base64.getEncoder().encodeToString(manifest),
                "signature", Base64.getEncoder().encodeToString(signature));
    }
}
