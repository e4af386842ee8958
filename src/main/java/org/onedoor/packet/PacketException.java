package org.onedoor.packet;

import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;

/** A packet that must not be accepted, with the stable code that says why (see docs/integrators.md). */
public class PacketException extends OneDoorException {

    public PacketException(String code, String message) {
        super(code, statusOf(code), message);
    }

    private static HttpStatus statusOf(String code) {
        return switch (code) {
            case "packet.replayed" -> HttpStatus.CONFLICT;
            case "signer.untrusted", "packet.wrong-recipient", "packet.not-addressed-to-sender" -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
