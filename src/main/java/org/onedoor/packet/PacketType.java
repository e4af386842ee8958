package org.onedoor.packet;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a packet is. The wire name ({@code info-request}) is what the manifest carries.
 * <ul>
 * <li>OneDoor to an MDA system: {@code request}, {@code information} (the applicant's answer to an info-request),
 * {@code cancellation} (the request ended before the MDA decided);</li>
 * <li>an MDA system to OneDoor: {@code acknowledgement}, {@code status}, {@code info-request}, {@code decision};</li>
 * <li>either way: {@code receipt}, the signed "received" for any of the above;</li>
 * <li>OneDoor to the applicant: {@code receipt} at the counter, {@code withdrawal} and {@code cancellation}
 * notices.</li>
 * </ul>
 */
public enum PacketType {
    REQUEST("request"), RECEIPT("receipt"), ACKNOWLEDGEMENT("acknowledgement"), DECISION("decision"),
    INFO_REQUEST("info-request"), STATUS("status"), INFORMATION("information"), CANCELLATION("cancellation"),
    WITHDRAWAL("withdrawal");

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
