package org.onedoor.documents;

import org.onedoor.system.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Content-addressed document storage: a document is kept once under its SHA-256, however many requests
 * carry it. Runs in the caller's transaction, so a request that fails leaves no document behind.
 */
@Component
public class DocumentStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public DocumentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Stores the content unless it is already there; returns its SHA-256 in lower-case hex. */
    public String store(byte[] content) {
        String sha256 = Sha256.hex(content);
        int present = jdbc.sql("select count(*) from document_content where sha256 = ?").param(sha256)
                .query(Integer.class).single();
        if (present == 0) {
            try {
                // Behind a savepoint: on PostgreSQL a failed insert would abort the caller's whole transaction.
                savepoint.executeWithoutResult(status -> jdbc.sql(
                                "insert into document_content (sha256, size_bytes, content) values (?, ?, ?)")
                        .params(sha256, content.length, content).update());
            } catch (DuplicateKeyException storedByAConcurrentRequest) {
                // The same bytes, stored at the same moment by another request: exactly what this call wanted.
            }
        }
        return sha256;
    }

    public byte[] load(String sha256) {
        return jdbc.sql("select content from document_content where sha256 = ?").param(sha256)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

}
