package org.onedoor.messagelog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.onedoor.system.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained record of every packet OneDoor sends or receives, with its signature. Each
 * row stores {@code H(previous chain hash || H(row content))}; {@link #verify()} recomputes the chain and names
 * the first row that no longer fits.
 */
@Service
public class MessageLog {

    private static final String GENESIS = "0".repeat(64);

    public enum Direction { OUT, IN }

    /** What is appended: the packet's signed bytes and the facts needed to find it again. */
    public record Entry(Direction direction, String party, String packetId, String packetType, String trackingNumber,
            byte[] manifest, byte[] signature) {
    }

    /** The chain is intact over {@code rows} rows, or broken first at row {@code firstBrokenRow}. */
    public record Verification(boolean intact, long rows, Long firstBrokenRow, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends in the caller's transaction: a packet whose exchange rolls back leaves no row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(Entry entry) {
        // Locking the head serialises appenders on every node; the chain has exactly one order.
        Head head = jdbc.sql("select last_id, chain_hash from message_log_head where id = 1 for update")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long id = head.lastId() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String content = contentHash(id, at, entry);
        String chain = chain(head.chainHash(), content);
        jdbc.sql("""
                insert into message_log (id, logged_at, direction, party, packet_id, packet_type, tracking_number,
                  manifest, signature, content_hash, chain_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(at), entry.direction().name(), entry.party(), entry.packetId(),
                        entry.packetType(), entry.trackingNumber(), entry.manifest(), entry.signature(), content, chain)
                .update();
        jdbc.sql("update message_log_head set last_id = ?, chain_hash = ? where id = 1").params(id, chain).update();
        return id;
    }

    /** A row of the log: when and what. */
    public record Logged(long row, Instant at, Entry entry) {
    }

    /** Every packet of a request, in the order they were logged: what each party sent and received. */
    @Transactional(readOnly = true)
    public List<Logged> ofRequest(String trackingNumber) {
        return jdbc.sql("""
                select id, logged_at, direction, party, packet_id, packet_type, tracking_number, manifest, signature
                from message_log where tracking_number = ? order by id""")
                .param(trackingNumber)
                .query((rs, i) -> new Logged(rs.getLong(1), rs.getTimestamp(2).toInstant(), new Entry(
                        Direction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBytes(8), rs.getBytes(9))))
                .list();
    }

    /** The first packet logged with this id in this direction, with its signed bytes. */
    @Transactional(readOnly = true)
    public Optional<Entry> find(String packetId, Direction direction) {
        return jdbc.sql("""
                select direction, party, packet_id, packet_type, tracking_number, manifest, signature from message_log
                where packet_id = ? and direction = ? order by id""")
                .params(packetId, direction.name())
                .query((rs, i) -> new Entry(Direction.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getBytes(7)))
                .stream().findFirst();
    }

    /**
     * Recomputes every row's content hash and the chain, in order, up to the head read first (appends that
     * commit meanwhile are not part of this check), and reports the first row that breaks it.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Head head = jdbc.sql("select last_id, chain_hash from message_log_head where id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        String[] previous = {GENESIS};
        long[] rows = {0};
        Verification[] broken = {null};
        jdbc.sql("""
                select id, logged_at, direction, party, packet_id, packet_type, tracking_number, manifest, signature,
                  content_hash, chain_hash from message_log where id <= ? order by id""")
                .param(head.lastId())
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    long id = rs.getLong(1);
                    rows[0]++;
                    Entry entry = new Entry(Direction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9));
                    String content = contentHash(id, rs.getTimestamp(2).toInstant(), entry);
                    if (id != rows[0]) {
                        broken[0] = new Verification(false, rows[0], id, "row " + rows[0] + " is missing");
                    } else if (!content.equals(rs.getString(10))) {
                        broken[0] = new Verification(false, rows[0], id, "row " + id + " was altered");
                    } else if (!chain(previous[0], content).equals(rs.getString(11))) {
                        broken[0] = new Verification(false, rows[0], id, "row " + id + " does not follow its predecessor");
                    }
                    previous[0] = rs.getString(11);
                });
        if (broken[0] != null) {
            return broken[0];
        }
        if (!head.chainHash().equals(previous[0])) {
            return new Verification(false, rows[0], rows[0] + 1, "the last rows were removed");
        }
        return new Verification(true, rows[0], null, "intact");
    }

    private record Head(long lastId, String chainHash) {
    }

    /** SHA-256 over every field, each length-prefixed so that no two different rows hash alike. */
    private static String contentHash(long id, Instant at, Entry e) {
        MessageDigest digest = Sha256.digest();
        field(digest, Long.toString(id).getBytes(StandardCharsets.UTF_8));
        field(digest, Long.toString(at.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        for (String text : new String[] {e.direction().name(), e.party(), e.packetId(), e.packetType(),
                e.trackingNumber() == null ? "" : e.trackingNumber()}) {
            field(digest, text.getBytes(StandardCharsets.UTF_8));
        }
        field(digest, e.manifest());
        field(digest, e.signature());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String chain(String previous, String content) {
        MessageDigest digest = Sha256.digest();
        digest.update(HexFormat.of().parseHex(previous));
        digest.update(HexFormat.of().parseHex(content));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
    }

}
