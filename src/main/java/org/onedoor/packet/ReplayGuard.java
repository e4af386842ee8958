package org.onedoor.packet;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers every packet id accepted, in the database so that a restart forgets nothing. Runs in the
 * caller's transaction: a packet whose processing fails is not remembered.
 */
@Component
class ReplayGuard {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReplayGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean seen(UUID packetId) {
        return jdbc.sql("select count(*) from seen_packet where packet_id = ?").param(packetId.toString())
                .query(Long.class).single() > 0;
    }

    void remember(UUID packetId, String sender) {
        jdbc.sql("insert into seen_packet (packet_id, sender, seen_at) values (?, ?, ?)")
                .params(packetId.toString(), sender, Timestamp.from(clock.instant())).update();
    }
}
