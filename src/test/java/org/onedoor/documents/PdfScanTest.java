package org.onedoor.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.core.io.InputStreamSource;

/** The inspection alone, on the corpus's PDFs and images: what it finds, and that it finds it in one pass. */
class PdfScanTest {

    private static final Path CORPUS = Path.of("src/test/resources/documents/hostile");
    private final DocumentInspector inspector = new DocumentInspector(new DocumentSettings(null, null, 0, null, null, null));

    private Optional<Violation> inspect(String file) throws Exception {
        byte[] content = Files.readAllBytes(CORPUS.resolve(file));
        InputStreamSource source = () -> new ByteArrayInputStream(content);
        return inspector.hostile("documents.x", inspector.mediaType(source), source, content.length);
    }

    @Test
    void aPlainPdfPasses() throws Exception {
        assertThat(inspect("plain.pdf")).isEmpty();
    }

    @Test
    void activeContentIsFoundPlainOrInsideACompressedObjectStream() throws Exception {
        assertThat(inspect("javascript.pdf")).get().extracting(Violation::code).isEqualTo("document.active-content");
        assertThat(inspect("javascript.pdf").get().message()).contains("JavaScript");
        assertThat(inspect("xfa.pdf").get().message()).contains("XFA");
        assertThat(inspect("launch.pdf").get().message()).contains("Launch");
        assertThat(inspect("objstm-javascript.pdf").get().message()).contains("JavaScript");
    }

    @Test
    void polyglotsAreFound() throws Exception {
        assertThat(inspect("polyglot-zip.pdf")).get().extracting(Violation::code).isEqualTo("document.polyglot");
        assertThat(inspect("polyglot-pdf.png")).get().extracting(Violation::code).isEqualTo("document.polyglot");
    }

    @Test
    void aDeflateBombStopsAtTheLimit() throws Exception {
        byte[] bomb = DocumentCorpusIT.generated("deflate-bomb-objstm.pdf");
        PdfScan scan = PdfScan.of(() -> new ByteArrayInputStream(bomb));
        assertThat(scan.tooComplex()).contains("inflate beyond 16 MiB");
    }

    @Test
    void namesThatOnlyBeginLikeActiveOnesAreNotActive() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /JSON (x) /JavaScriptless 1 /Type /Catalog >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(PdfScan.of(() -> new ByteArrayInputStream(pdf)).activeContent()).isNull();
    }

    @Test
    void typeDetectionReadsTheHeadOnly() {
        // A stream that fails past 64 KiB: detection must not get there.
        InputStreamSource endless = () -> new java.io.InputStream() {
            private long read;

            @Override
            public int read() {
                if (++read > 64 * 1024 + 1) {
                    throw new IllegalStateException("read past the head");
                }
                return read <= 5 ? "%PDF-".charAt((int) read - 1) : ' ';
            }
        };
        assertThat(inspector.mediaType(endless)).isEqualTo("application/pdf");
    }
}
