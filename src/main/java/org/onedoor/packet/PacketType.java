package org.onedoor.packet;

import java.util.Arrays;
import java.util.Optional;

/** What a packet is. The wire name ({@code info-request}) is what the manifest carries. */
public enum PacketType {
    REQUEST("request"), RECEIPT("receipt"), ACKNOWLEDGEMENT("acknowledgement"), DECISION("decision"),
    INFO_REQUEST("info-request"), STATUS("status");

    private final String wireName;

    PacketType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<PacketType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
