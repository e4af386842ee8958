package org.onedoor.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onedoor.packet.PacketType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code mda_delivery}: every packet OneDoor sends to an MDA system (request, information,
 * cancellation), its id fixed before the first attempt so that every retry carries it.
 */
@Repository
class DeliveryTable {

    private static final String COLUMNS = """
            select packet_id, tracking_number, mda_code, packet_type, in_reply_to, sent_at, prepared_at from mda_delivery""";

    private final JdbcClient jdbc;

    DeliveryTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param inReplyTo what the packet follows: the MDA's info-request for information, the request for a cancellation */
    record Delivery(String packetId, String trackingNumber, String mdaCode, PacketType type, String inReplyTo,
            boolean sent, Instant preparedAt) {
    }

    String prepare(String trackingNumber, String mdaCode, PacketType type, String inReplyTo, Instant at) {
        String packetId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into mda_delivery (packet_id, tracking_number, mda_code, packet_type, in_reply_to, prepared_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(packetId, trackingNumber, mdaCode, type.wireName(), inReplyTo, Timestamp.from(at)).update();
        return packetId;
    }

    /** The delivery, locked until the transaction ends: an answer that overtakes the send's commit waits for it. */
    Optional<Delivery> lock(String packetId) {
        return jdbc.sql(COLUMNS + " where packet_id = ? for update").param(packetId).query((rs, i) -> row(rs)).optional();
    }

    /** The request packet sent to the MDA for the request, if any. */
    Optional<Delivery> request(String trackingNumber, String mdaCode) {
        return jdbc.sql(COLUMNS + " where tracking_number = ? and mda_code = ? and packet_type = 'request'")
                .params(trackingNumber, mdaCode).query((rs, i) -> row(rs)).optional();
    }

    /** Packets of a type still to be sent to the MDA, oldest first. */
    List<Delivery> unsent(String trackingNumber, String mdaCode, PacketType type) {
        return jdbc.sql(COLUMNS + """
                 where tracking_number = ? and mda_code = ? and packet_type = ? and sent_at is null
                order by prepared_at""")
                .params(trackingNumber, mdaCode, type.wireName()).query((rs, i) -> row(rs)).list();
    }

    /** The MDAs that still have a packet of the type to receive for the request. */
    List<String> mdasWithUnsent(String trackingNumber, PacketType type) {
        return jdbc.sql("""
                select distinct mda_code from mda_delivery where tracking_number = ? and packet_type = ?
                and sent_at is null order by mda_code""")
                .params(trackingNumber, type.wireName()).query(String.class).list();
    }

    /** Marks the first receipt; a resend that is signed for again keeps the first time. */
    void sent(String packetId, Instant at) {
        jdbc.sql("update mda_delivery set sent_at = coalesce(sent_at, ?) where packet_id = ?")
                .params(Timestamp.from(at), packetId).update();
    }

    private static Delivery row(ResultSet rs) throws SQLException {
        String type = rs.getString(4);
        PacketType packetType = java.util.Arrays.stream(PacketType.values()).filter(t -> t.wireName().equals(type))
                .findFirst().orElseThrow();
        return new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), packetType, rs.getString(5),
                rs.getTimestamp(6) != null, rs.getTimestamp(7).toInstant());
    }
}
