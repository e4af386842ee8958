package org.onedoor.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

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
            Instant receivedAt, boolean late, String receiptPacketId) {
        jdbc.sql("""
                insert into mda_answer (packet_id, request_packet_id, packet_type, outcome, reason, received_at, late,
                  receipt_packet_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(packetId, requestPacketId, packetType, outcome, reason, Timestamp.from(receivedAt), late,
                        receiptPacketId)
                .update();
    }

    /** The id of the receipt OneDoor gave for an answer it took. */
    Optional<String> receiptOf(String packetId) {
        return jdbc.sql("select receipt_packet_id from mda_answer where packet_id = ?").param(packetId)
                .query(String.class).optional();
    }

    void document(String packetId, Manifest.DocumentEntry entry) {
        jdbc.sql("""
                insert into mda_answer_document (packet_id, name, media_type, size_bytes, sha256)
                values (?, ?, ?, ?, ?)""")
                .params(packetId, entry.name(), entry.mediaType(), entry.size(), entry.sha256()).update();
    }
}
