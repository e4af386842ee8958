package org.onedoor.packet;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * OneDoor's replay guard: every packet id accepted, in the database so that a restart forgets nothing. Runs in
 * the caller's transaction: a packet whose processing fails is not remembered.
 */
@Component
class SeenPackets implements ReplayGuard {

    private final JdbcClient jdbc;
    private final Clock clock;

    SeenPackets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstSight(UUID packetId, String sender) {
        if (jdbc.sql("select count(*) from seen_packet where packet_id = ?").param(packetId.toString())
                .query(Long.class).single() > 0) {
            return false;
        }
        try {
            jdbc.sql("insert into seen_packet (packet_id, sender, seen_at) values (?, ?, ?)")
                    .params(packetId.toString(), sender, Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException concurrentTwin) {
            return false;
        }
    }
}
