package org.onedoor.documents;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code onedoor.documents}: the limits every upload meets before the catalogue's own (size per kind), and where
 * document content is kept.
 *
 * @param maxDocumentSize the largest single document; the multipart parser stops reading at this size (413)
 * @param maxRequestSize the largest body of a filing or an answer, all documents together (413)
 * @param maxDocuments the most parts in one body (413)
 * @param detectionBytes how much of a document's head type detection reads: detection never reads a whole file
 * @param store {@code database} (chunks in OneDoor's own database, one transaction with the request) or
 *     {@code file} (a directory, for large volumes; files a failed intake wrote are swept)
 * @param directory where the {@code file} store keeps content
 */
@ConfigurationProperties("onedoor.documents")
public record DocumentSettings(DataSize maxDocumentSize, DataSize maxRequestSize, int maxDocuments,
        DataSize detectionBytes, String store, Path directory) {

    public DocumentSettings {
        maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(20) : maxDocumentSize;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(60) : maxRequestSize;
        maxDocuments = maxDocuments == 0 ? 20 : maxDocuments;
        detectionBytes = detectionBytes == null ? DataSize.ofKilobytes(64) : detectionBytes;
        store = store == null ? "database" : store;
        directory = directory == null ? Path.of("data", "documents") : directory;
    }
}
