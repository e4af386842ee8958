package org.onedoor.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where document bytes live, addressed by their SHA-256. {@link DocumentStore} keeps the index (one
 * {@code document_content} row per digest, which every reference points at) and calls {@link #write} only for
 * content it does not have yet. A database store, a directory or an S3-compatible bucket implement it.
 */
interface ContentStore {

    /** Streams {@code content} (whose digest the caller computed) in; runs in the caller's transaction. */
    void write(String sha256, InputStream content) throws IOException;

    InputStream read(String sha256) throws IOException;
}
