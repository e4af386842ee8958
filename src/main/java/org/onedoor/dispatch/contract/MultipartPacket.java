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
import org.springframework.core.io.InputStreamSource;

/**
 * A packet in the REST wire form, as OneDoor and MDA systems receive it: part {@code manifest}
 * ({@code application/json}), part {@code signature} ({@code application/pkcs7-signature}), one part per document.
 * Read part by part as raw bytes, so that the manifest arrives byte for byte as it was signed; documents stay where
 * the servlet container's multipart parser put them (temporary files) and are read as streams.
 */
public record MultipartPacket(SignedPacket packet, Map<String, InputStreamSource> documents) {

    public static final String MANIFEST_TYPE = "application/json";
    public static final String SIGNATURE_TYPE = "application/pkcs7-signature";
    /** A manifest or a signature is a few KiB: more is not one, and is not read into memory. */
    private static final int SMALL_PART_LIMIT = 1 << 20;

    /** @throws PacketException {@code packet.malformed} for a body that is not such a form */
    public static MultipartPacket read(HttpServletRequest request) {
        byte[] manifest = null;
        byte[] signature = null;
        Map<String, InputStreamSource> documents = new LinkedHashMap<>();
        try {
            for (Part part : request.getParts()) {
                switch (part.getName()) {
                    case "manifest" -> manifest = typed(part, MANIFEST_TYPE);
                    case "signature" -> signature = typed(part, SIGNATURE_TYPE);
                    default -> {
                        if (documents.put(part.getName(), part::getInputStream) != null) {
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
    private static byte[] typed(Part part, String type) throws IOException {
        String declared = part.getContentType() == null ? null : part.getContentType().split(";")[0].trim();
        if (!type.equalsIgnoreCase(declared)) {
            throw new PacketException("packet.malformed", "The part '" + part.getName() + "' must be " + type
                    + ", not " + (declared == null ? "untyped" : declared) + ".");
        }
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes(SMALL_PART_LIMIT + 1);
            if (content.length > SMALL_PART_LIMIT) {
                throw new PacketException("packet.malformed", "The part '" + part.getName() + "' is larger than "
                        + SMALL_PART_LIMIT / 1024 + " KiB.");
            }
            return content;
        }
    }
}
