package org.onedoor.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.system.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stores on the real database: chunks, deduplication, a rolled-back intake leaving nothing, the file store's sweep. */
@DemoIntegrationTest
class DocumentStoreIT {

    @Autowired
    DocumentStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private static byte[] random(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    private long rows(String table, String sha256) {
        return jdbc.sql("select count(*) from " + table + " where sha256 = ?").param(sha256).query(Long.class).single();
    }

    @Test
    void contentIsChunkedStoredOnceAndReadBackWhole() throws IOException {
        byte[] content = random((5 << 19) + 17, System.nanoTime()); // 2.5 MiB and a little: three chunks
        InputStreamSource source = () -> new ByteArrayInputStream(content);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Sha256.Digest first = tx.execute(status -> store.store(source));
        Sha256.Digest second = tx.execute(status -> store.store(source));
        assertThat(second).isEqualTo(first);
        assertThat(first.size()).isEqualTo(content.length);
        assertThat(rows("document_content", first.hex())).isEqualTo(1);
        assertThat(rows("document_chunk", first.hex())).isEqualTo(3);
        try (InputStream in = store.open(first.hex())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aFailedIntakeLeavesNoContent() {
        byte[] content = random(3 << 20, System.nanoTime());
        String sha256 = Sha256.hex(content);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            store.store(() -> new ByteArrayInputStream(content));
            assertThat(rows("document_chunk", sha256)).isEqualTo(3);
            status.setRollbackOnly(); // what an intake failing after its documents does
        });
        assertThat(rows("document_content", sha256)).isZero();
        assertThat(rows("document_chunk", sha256)).isZero();
    }

    @Test
    void theFileStoreSweepsWhatAFailedIntakeWroteAndKeepsTheRest(@TempDir Path directory) throws IOException {
        byte[] kept = random(1000, 1);
        byte[] orphan = random(1000, 2);
        Instant now = Instant.now();
        FileContentStore files = new FileContentStore(directory, jdbc, Clock.fixed(now.plus(Duration.ofHours(2)),
                ZoneOffset.UTC));
        DocumentStore onFiles = new DocumentStore(jdbc, files, transactions);
        Sha256.Digest keptDigest = new TransactionTemplate(transactions).execute(s -> onFiles.store(
                () -> new ByteArrayInputStream(kept)));
        String orphanDigest = Sha256.hex(orphan);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            onFiles.store(() -> new ByteArrayInputStream(orphan));
            status.setRollbackOnly();
        });
        Path orphanFile = directory.resolve(orphanDigest.substring(0, 2)).resolve(orphanDigest.substring(2, 4))
                .resolve(orphanDigest);
        assertThat(orphanFile).exists();
        files.sweep();
        assertThat(orphanFile).doesNotExist();
        try (InputStream in = onFiles.open(keptDigest.hex())) {
            assertThat(in.readAllBytes()).isEqualTo(kept);
        }
        assertThat(Files.walk(directory).filter(Files::isRegularFile).count()).isEqualTo(1);
    }
}
