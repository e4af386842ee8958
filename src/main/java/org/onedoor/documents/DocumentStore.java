package org.onedoor.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.onedoor.system.Sha256;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Content-addressed document storage: a document is kept once under its SHA-256, however many requests carry it,
 * and streamed in and out, never held whole in memory. Runs in the caller's transaction: with the database store
 * a request that fails leaves no document behind (the file store sweeps what it wrote).
 */
public class DocumentStore {

    private final JdbcClient jdbc;
    private final ContentStore content;
    private final TransactionTemplate savepoint;

    DocumentStore(JdbcClient jdbc, ContentStore content, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.content = content;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Stores the source's content unless it is already there and returns its digest. Reads the source twice, once
     * to hash it and once to write it, and the second time only for content not stored before.
     */
    public Sha256.Digest store(InputStreamSource source) {
        try {
            Sha256.Digest digest;
            try (InputStream in = source.getInputStream()) {
                digest = Sha256.of(in);
            }
            if (!present(digest.hex())) {
                try {
                    // Behind a savepoint: on PostgreSQL a failed insert would abort the caller's whole transaction.
                    savepoint.executeWithoutResult(status -> write(digest, source));
                } catch (DuplicateKeyException storedByAConcurrentRequest) {
                    // The same bytes, stored at the same moment by another request: exactly what this call wanted.
                }
            }
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes again on the way in: content that changed between the two reads is not stored under the first digest. */
    private void write(Sha256.Digest digest, InputStreamSource source) {
        jdbc.sql("insert into document_content (sha256, size_bytes) values (?, ?)")
                .params(digest.hex(), digest.size()).update();
        MessageDigest again = Sha256.digest();
        try (InputStream in = new DigestInputStream(source.getInputStream(), again)) {
            content.write(digest.hex(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!HexFormat.of().formatHex(again.digest()).equals(digest.hex())) {
            throw new IllegalStateException("a document changed while it was stored");
        }
    }

    /** The content, streamed; the caller closes it. */
    public InputStream open(String sha256) {
        try {
            return content.read(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean present(String sha256) {
        return jdbc.sql("select count(*) from document_content where sha256 = ?").param(sha256)
                .query(Integer.class).single() > 0;
    }
}
