package org.onedoor.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onedoor.LargeUpload;
import org.onedoor.TestDatabase;
import org.onedoor.system.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 1 GiB deed filed to OneDoor in a JVM limited to {@code -Xmx256m} (its own fork, see the pom): taken, stored
 * whole under its digest (1 024 chunks in PostgreSQL, a file beside H2), read back whole: nothing holds the
 * document in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onedoor.documents.max-document-size=2GB", "onedoor.documents.max-request-size=3GB"})
@ActiveProfiles("demo")
class LargeDocumentIT {

    private static final long GIB = 1L << 30;

    @DynamicPropertySource
    static void largeDeeds(DynamicPropertyRegistry registry) {
        try {
            Path processes = LargeUpload.processesWithLargeDeeds(Files.createTempDirectory("onedoor-large").resolve("processes"));
            registry.add("onedoor.processes.location", () -> "file:" + processes + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestDatabase.fresh("onedoor_it_large").forEach((key, value) -> registry.add(key, () -> value));
        if (!TestDatabase.postgres()) {
            // H2 keeps a transaction's writes in the heap until it commits: a gibibyte of chunks cannot fit in
            // 256 MB. On H2, large documents go to the file store (docs/operations.md); PostgreSQL takes the chunks.
            org.springframework.util.FileSystemUtils.deleteRecursively(Path.of("target/it-large").toFile());
            registry.add("onedoor.documents.store", () -> "file");
            registry.add("onedoor.documents.directory", () -> "target/it-large/documents");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentStore store;

    @Test
    void aGibibyteDeedIsFiledWithA256MegabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this JVM's heap limit").isLessThanOrEqualTo(256L << 20);
        LargeUpload.Result filed = LargeUpload.file(port, GIB);
        assertThat(filed.status()).as(filed.body()).isEqualTo("201");
        String number = new ObjectMapper().readTree(filed.body()).path("trackingNumber").asText();
        assertThat(jdbc.sql("select sha256 from request_document where tracking_number = ? and kind = 'deed'")
                .param(number).query(String.class).single()).isEqualTo(filed.sha256());
        assertThat(jdbc.sql("select size_bytes from document_content where sha256 = ?").param(filed.sha256())
                .query(Long.class).single()).isEqualTo(GIB);
        if (TestDatabase.postgres()) {
            assertThat(jdbc.sql("select count(*) from document_chunk where sha256 = ?").param(filed.sha256())
                    .query(Long.class).single()).isEqualTo(1024);
        } else {
            assertThat(Path.of("target/it-large/documents", filed.sha256().substring(0, 2), filed.sha256().substring(2, 4),
                    filed.sha256())).hasSize(GIB);
        }
        try (InputStream back = store.open(filed.sha256())) {
            Sha256.Digest read = Sha256.of(back);
            assertThat(read.hex()).isEqualTo(filed.sha256());
            assertThat(read.size()).isEqualTo(GIB);
        }
    }
}
