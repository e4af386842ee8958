package org.onedoor.dispatch;

import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;

/**
 * The MDA system refused a packet: a signed receipt saying so, a 4xx problem with a code, or a declared SOAP
 * fault. Not retried: the process decides what happens next.
 */
public class DeliveryRefusedException extends OneDoorException {

    public static final String CODE = "delivery.refused";

    private final String refusalCode;
    private final String reason;

    public DeliveryRefusedException(String mda, String refusalCode, String reason) {
        super(CODE, HttpStatus.CONFLICT, mda + " refused the packet" + (refusalCode == null ? "" : " (" + refusalCode + ")")
                + ": " + reason);
        this.refusalCode = refusalCode;
        this.reason = reason;
    }

    /** The MDA's own code for the refusal, if it gave one. */
    public String refusalCode() {
        return refusalCode;
    }

    public String reason() {
        return reason;
    }
}
