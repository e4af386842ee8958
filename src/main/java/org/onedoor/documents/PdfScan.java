package org.onedoor.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.springframework.core.io.InputStreamSource;

/**
 * One streaming pass over a PDF's bytes, without a PDF parser: the names that make a PDF act (JavaScript, XFA
 * forms, launch actions, embedded files, rich media), whether written plainly or inside the compressed object
 * streams of PDF 1.5 (inflated to at most {@link #INFLATED_LIMIT} together, so a deflate bomb stops there), and a ZIP
 * directory anywhere in the file (a PDF that is also an archive).
 */
record PdfScan(String activeContent, String tooComplex, boolean zipDirectory) {

    private static final List<String> ACTIVE = List.of("/JavaScript", "/JS", "/XFA", "/Launch", "/EmbeddedFile",
            "/EmbeddedFiles", "/RichMedia");
    private static final int OBJECT_STREAM_LIMIT = 4 << 20;
    static final int INFLATED_LIMIT = 16 << 20;
    private static final byte[][] ACTIVE_BYTES = ACTIVE.stream().map(PdfScan::ascii).toArray(byte[][]::new);
    private static final byte[] OBJECT_STREAM = ascii("/ObjStm");
    private static final byte[] STREAM = ascii("stream");
    private static final byte[] END_STREAM = ascii("endstream");
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final int MAX_TOKEN = 16;

    private static byte[] ascii(String token) {
        return token.getBytes(StandardCharsets.US_ASCII);
    }

    static PdfScan of(InputStreamSource source) throws IOException {
        Scanner scanner = new Scanner(true);
        try (InputStream in = source.getInputStream()) {
            byte[] block = new byte[1 << 16];
            for (int n; (n = in.read(block)) > 0; ) {
                for (int i = 0; i < n && !scanner.done(); i++) {
                    scanner.accept(block[i]);
                }
                if (scanner.done()) {
                    break;
                }
            }
        }
        return new PdfScan(scanner.active, scanner.tooComplex, scanner.zip);
    }

    /** Reads byte by byte, remembering the last few, and reports a token when the delimiter after it arrives. */
    private static final class Scanner {
        private final boolean outer;
        private final byte[] recent = new byte[MAX_TOKEN];
        private long count;
        private long lastSlash = -MAX_TOKEN - 1;
        /** All object streams together: many small bombs stop at the same limit as one large one. */
        private long inflated;
        private String active;
        private String tooComplex;
        private boolean zip;
        private boolean objectStreamNamed;
        private ByteArrayOutputStream capture;

        Scanner(boolean outer) {
            this.outer = outer;
        }

        void accept(byte b) {
            if (capture != null) {
                capture.write(b);
                remember(b);
                if (endsWith(END_STREAM)) {
                    inflateAndScan(capture.toByteArray());
                    capture = null;
                } else if (capture.size() > OBJECT_STREAM_LIMIT) {
                    tooComplex = "an object stream larger than " + (OBJECT_STREAM_LIMIT >> 20) + " MiB";
                }
                return;
            }
            // Every name begins with '/': only a delimiter shortly after one can end a name worth looking at.
            if (count - lastSlash <= MAX_TOKEN && delimiter(b)) {
                for (int i = 0; i < ACTIVE.size(); i++) {
                    if (endsWith(ACTIVE_BYTES[i])) {
                        active = ACTIVE.get(i).substring(1);
                        return;
                    }
                }
                if (endsWith(OBJECT_STREAM)) {
                    objectStreamNamed = outer;
                }
            }
            if (objectStreamNamed && (b == '\n' || b == '\r') && endsWith(STREAM) && !endsWith(END_STREAM)) {
                objectStreamNamed = false;
                capture = new ByteArrayOutputStream();
                if (b == '\r') {
                    return; // the \n of \r\n is the stream's line end, not its first byte
                }
            }
            if (b == '/') {
                lastSlash = count;
            }
            remember(b);
            if (outer && b == 6 && endsWith(ZIP_END)) {
                zip = true;
            }
        }

        private void inflateAndScan(byte[] raw) {
            Inflater inflater = new Inflater();
            int start = raw.length > 0 && raw[0] == '\n' ? 1 : 0;
            inflater.setInput(raw, start, raw.length - start - END_STREAM.length);
            Scanner inner = new Scanner(false);
            byte[] out = new byte[1 << 16];
            try {
                while (!inflater.finished() && !inflater.needsInput() && !inner.done()) {
                    int n = inflater.inflate(out);
                    inflated += n;
                    if (inflated > INFLATED_LIMIT) {
                        tooComplex = "object streams that inflate beyond " + (INFLATED_LIMIT >> 20) + " MiB";
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        inner.accept(out[i]);
                    }
                    if (n == 0 && inflater.needsDictionary()) {
                        break;
                    }
                }
                inner.accept((byte) ' ');
                active = inner.active;
            } catch (DataFormatException notDeflated) {
                // An object stream that is not Flate data is not one a reader would use either.
            } finally {
                inflater.end();
            }
        }

        boolean done() {
            return active != null || tooComplex != null;
        }

        private void remember(byte b) {
            recent[(int) (count++ & (MAX_TOKEN - 1))] = b;
        }

        private byte recent(int back) {
            return recent[(int) ((count - back) & (MAX_TOKEN - 1))];
        }

        private boolean endsWith(byte[] t) {
            if (count < t.length) {
                return false;
            }
            for (int i = 0; i < t.length; i++) {
                if (recent(t.length - i) != t[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean delimiter(byte b) {
            return switch (b) {
                case ' ', '\n', '\r', '\t', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '%', '{', '}' -> true;
                default -> false;
            };
        }
    }
}
