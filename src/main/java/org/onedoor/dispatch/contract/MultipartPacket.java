package org.onedoor.dispatch.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.SignedPacket;

/**
 * A packet in the REST wire form, as OneDoor and MDA systems receive it: part {@code manifest}
 * ({@code application/json}), part {@code signature} ({@code application/pkcs7-signature}), one part per document.
 * Read part by part as raw bytes, so that the manifest arrives byte for byte as it was signed.
 */
public record MultipartPacket(SignedPacket packet, Map<String, byte[]> documents) {

    public static final String MANIFEST_TYPE = "application/json";
    public static final String SIGNATURE_TYPE = "application/pkcs7-signature";

    /** @throws PacketException {@code packet.malformed} for a body that is not such a form */
    public static MultipartPacket read(HttpServletRequest request) {
        byte[] manifest = null;
        byte[] signature = null;
        Map<String, byte[]> documents = new LinkedHashMap<>();
        try {
            for (Part part : request.getParts()) {
                byte[] content;
                try (InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
                switch (part.getName()) {
                    case "manifest" -> manifest = typed(part, MANIFEST_TYPE, content);
                    case "signature" -> signature = typed(part, SIGNATURE_TYPE, content);
                    default -> {
                        if (documents.put(part.getName(), content) != null) {
                            throw new PacketException("packet.malformed", "The part '" + part.getName() + "' appears twice.");
                        }
                    }
                }
            }
        } catch (IOException | ServletException e) {
            throw new PacketException("packet.malformed", "The body is not a readable multipart/form-data form.");
        }
        if (manifest == null || signature == null) {
            throw new PacketException("packet.malformed",
                    "A packet needs a part 'manifest' (the signed JSON) and a part 'signature' (DER CMS).");
        }
        return new MultipartPacket(new SignedPacket(manifest, signature), documents);
    }

    /** A part whose declared type is not the contract's is refused: its bytes would be read as the wrong thing. */
    private static byte[] typed(Part part, String type, byte[] content) {
        String declared = part.getContentType() == null ? null : part.getContentType().split(";")[0].trim();
        if (!type.equalsIgnoreCase(declared)) {
            throw new PacketException("packet.malformed", "The part '" + part.getName() + "' must be " + type
                    + ", not " + (declared == null ? "untyped" : declared) + ".");
        }
        return content;
    }
}
