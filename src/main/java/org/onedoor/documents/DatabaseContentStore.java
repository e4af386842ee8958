package org.onedoor.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Content in OneDoor's database as 1 MiB chunks ({@code document_chunk}), written in the intake's own
 * transaction: a filing that fails leaves no byte behind, and no document is ever held whole in memory.
 * PostgreSQL in production, H2 in the demo, the same SQL.
 */
class DatabaseContentStore implements ContentStore {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;

    DatabaseContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(String sha256, InputStream content) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int seq = 0;
        for (int n; (n = content.readNBytes(chunk, 0, CHUNK)) > 0; seq++) {
            byte[] bytes = n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n);
            jdbc.sql("insert into document_chunk (sha256, seq, bytes) values (?, ?, ?)")
                    .params(sha256, seq, bytes).update();
        }
    }

    @Override
    public InputStream read(String sha256) {
        return new InputStream() {
            private int seq;
            private byte[] chunk = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (at == chunk.length) {
                    // One chunk at a time, each by its own statement: the reader holds at most 1 MiB.
                    List<byte[]> next = jdbc.sql("select bytes from document_chunk where sha256 = ? and seq = ?")
                            .params(sha256, seq).query((rs, i) -> rs.getBytes(1)).list();
                    if (next.isEmpty()) {
                        return -1;
                    }
                    chunk = next.get(0);
                    at = 0;
                    seq++;
                }
                int n = Math.min(length, chunk.length - at);
                System.arraycopy(chunk, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }
}
