package org.onedoor.dispatch;

import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;

/**
 * The MDA system refused the request packet: a signed receipt saying so, a 4xx problem with a code, or a
 * declared SOAP fault. Not retried: the process decides what happens next.
 */
public class DeliveryRefusedException extends OneDoorException {

    public static final String CODE = "delivery.refused";

    public DeliveryRefusedException(String mda, String mdaCode, String reason) {
        super(CODE, HttpStatus.CONFLICT, mda + " refused the request packet"
                + (mdaCode == null ? "" : " (" + mdaCode + ")") + ": " + reason);
    }
}
