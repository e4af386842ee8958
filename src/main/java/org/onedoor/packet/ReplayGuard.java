package org.onedoor.packet;

import java.util.UUID;

/** Where a receiver remembers the packet ids it has accepted, so that a replay is recognised. */
public interface ReplayGuard {

    /** Remembers the id and answers true the first time it is seen, false ever after. */
    boolean firstSight(UUID packetId, String sender);
}
