package org.onedoor.dispatch;

import org.onedoor.mda.Connector;

import java.util.List;

import org.springframework.core.io.InputStreamSource;

import org.onedoor.packet.SignedPacket;

/** A signed request packet with its documents, on its way to one MDA system at {@code endpoint}. */
record OutboundPacket(Connector connector, String endpoint, SignedPacket packet, List<Attachment> documents) {

    /** A document beside the manifest, named as the manifest names it, streamed from the store at each attempt. */
    record Attachment(String name, String mediaType, long size, InputStreamSource content) {
    }
}
