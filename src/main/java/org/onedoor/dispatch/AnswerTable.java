package org.onedoor.dispatch;

import java.sql.Timestamp;
import java.time.Instant;

import org.onedoor.packet.Manifest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code mda_answer} and {@code mda_answer_document}: what MDA systems sent back, late answers
 * included, and the documents that came with it (stored by digest in the document store).
 */
@Repository
class AnswerTable {

    private final JdbcClient jdbc;

    AnswerTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String packetId, String requestPacketId, String packetType, String outcome, String reason,
            Instant receivedAt, boolean late) {
        jdbc.sql("""
                insert into mda_answer (packet_id, request_packet_id, packet_type, outcome, reason, received_at, late)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(packetId, requestPacketId, packetType, outcome, reason, Timestamp.from(receivedAt), late)
                .update();
    }

    void document(String packetId, Manifest.DocumentEntry entry) {
        jdbc.sql("""
                insert into mda_answer_document (packet_id, name, media_type, size_bytes, sha256)
                values (?, ?, ?, ?, ?)""")
                .params(packetId, entry.name(), entry.mediaType(), entry.size(), entry.sha256()).update();
    }
}
