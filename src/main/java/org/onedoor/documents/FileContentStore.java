package org.onedoor.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Content as files under a directory ({@code ab/cd/<sha256>}), for volumes a database should not carry. A file
 * cannot join the intake's transaction, so a filing that fails after writing leaves a file no row names:
 * {@link #sweep()} removes such files once they are an hour old (a running intake is never that slow).
 */
class FileContentStore implements ContentStore {

    private static final Logger log = LoggerFactory.getLogger(FileContentStore.class);
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final Path directory;
    private final JdbcClient jdbc;
    private final Clock clock;

    FileContentStore(Path directory, JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void write(String sha256, InputStream content) throws IOException {
        Path target = path(sha256);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), sha256, ".partial");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            // The same digest is the same content: a racing writer of the same document changes nothing.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    /** Removes content no {@code document_content} row names, an hour after it was written. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void sweep() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant before = clock.instant().minus(ORPHAN_AGE);
        try (Stream<Path> files = Files.find(directory, 3, (p, a) -> a.isRegularFile()
                && a.lastModifiedTime().toInstant().isBefore(before))) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                String sha256 = name.endsWith(".partial") ? null : name;
                boolean kept = sha256 != null && jdbc.sql("select count(*) from document_content where sha256 = ?")
                        .param(sha256).query(Integer.class).single() > 0;
                if (!kept) {
                    try {
                        Files.deleteIfExists(file);
                        log.info("Removed document content no request refers to: {}", name);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String sha256) {
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
