package org.onedoor.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Reads a document's real media type from its content. The name the applicant's file had is not
 * trusted: a renamed executable stays an executable.
 */
@Component
public class DocumentInspector {

    /** Built once: Tika reads its configuration in about a second. */
    private final Tika tika = new Tika();

    public String mediaType(byte[] content) {
        try {
            return tika.detect(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
