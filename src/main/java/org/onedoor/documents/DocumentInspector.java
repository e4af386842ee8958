package org.onedoor.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.tika.Tika;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * What a document really is, from its content: the name and the declared type of the applicant's file are not
 * trusted, so a renamed executable stays an executable. Detection reads the head only
 * ({@code onedoor.documents.detection-bytes}); then a document of an allowed type is refused if it is also
 * something else (a PDF or an image that is a ZIP archive too, an image that is a PDF too) or, for a PDF, if it
 * carries active content ({@link PdfScan}). Nothing is parsed: no archive is opened, no XML entity expanded.
 */
@Component
public class DocumentInspector {

    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] PDF_START = {'%', 'P', 'D', 'F', '-'};
    private static final int TAIL = 1 << 16;

    /** Built once: Tika reads its configuration in about a second. */
    private final Tika tika = new Tika();
    private final int detectionBytes;

    DocumentInspector(DocumentSettings settings) {
        this.detectionBytes = (int) settings.detectionBytes().toBytes();
    }

    /** The media type Tika finds in the first bytes, never reading further. */
    public String mediaType(InputStreamSource source) {
        try (InputStream in = source.getInputStream()) {
            return tika.detect(new ByteArrayInputStream(in.readNBytes(detectionBytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a document of an allowed type is still refused, as a violation at {@code path}, or nothing. Reads a PDF
     * once to its end, an image only at its head and its tail.
     */
    public Optional<Violation> hostile(String path, String mediaType, InputStreamSource source, long size) {
        try {
            if (mediaType.equals("application/pdf")) {
                PdfScan scan = PdfScan.of(source);
                if (scan.activeContent() != null) {
                    return Optional.of(new Violation(path, "document.active-content", "The PDF carries active content ("
                            + scan.activeContent() + "): print it to a plain PDF and bring that."));
                }
                if (scan.tooComplex() != null) {
                    return Optional.of(new Violation(path, "document.too-complex", "The PDF has " + scan.tooComplex()
                            + ", more than OneDoor inspects: print it to a plain PDF and bring that."));
                }
                if (scan.zipDirectory()) {
                    return Optional.of(polyglot(path, mediaType));
                }
                return Optional.empty();
            }
            try (InputStream in = source.getInputStream()) {
                byte[] head = in.readNBytes(TAIL);
                if (indexOf(head, PDF_START) >= 0) {
                    return Optional.of(polyglot(path, mediaType));
                }
                in.skipNBytes(Math.max(0, size - head.length - TAIL));
                byte[] tail = in.readAllBytes();
                return indexOf(tail, ZIP_END) >= 0 || indexOf(head, ZIP_END) >= 0 ? Optional.of(polyglot(path, mediaType))
                        : Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with a document an MDA sent (an issued licence, on its way to the citizen), if anything: its
     * content must be the type its manifest declares, and not hostile.
     */
    public Optional<Violation> issued(String name, String declaredType, InputStreamSource source, long size) {
        String path = "documents." + name;
        if (size == 0) {
            return Optional.of(new Violation(path, "document.empty", "The document '" + name + "' is empty."));
        }
        String mediaType = mediaType(source);
        if (!mediaType.equals(declaredType)) {
            return Optional.of(new Violation(path, "document.type-mismatch", "The manifest declares '" + name + "' as "
                    + declaredType + "; its content is " + mediaType + "."));
        }
        return hostile(path, mediaType, source, size);
    }

    private static Violation polyglot(String path, String mediaType) {
        return new Violation(path, "document.polyglot", "The content is " + mediaType
                + " and, at once, another kind of file (an archive or a PDF inside): such a file is refused.");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
