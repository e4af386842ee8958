package org.onedoor.packet;

import java.util.Base64;
import java.util.Map;

/**
 * A manifest's exact signed bytes and its detached CMS signature (DER). Inside JSON it travels as
 * {@code {"manifest": base64, "signature": base64}}.
 */
public record SignedPacket(byte[] manifest, byte[] signature) {

    /** The JSON form back: both members must be present and base64. */
    public static SignedPacket fromJson(Map<?, ?> json) {
        try {
            if (json.get("manifest") instanceof String manifest && json.get("signature") instanceof String signature) {
                return new SignedPacket(Base64.getDecoder().decode(manifest), Base64.getDecoder().decode(signature));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a missing member
        }
        throw new PacketException("packet.malformed", "Expected {\"manifest\": base64, \"signature\": base64}.");
    }

    public Map<String, String> toJson() {
        return Map.of("manifest", Base64.getEncoder().encodeToString(manifest),
                "signature", Base64.getEncoder().encodeToString(signature));
    }
}
