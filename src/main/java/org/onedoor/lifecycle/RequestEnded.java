package org.onedoor.lifecycle;

import java.util.List;

/**
 * A request reached its final state, in the transaction of that change. {@code cancelled} lists the legs that
 * were still open (or not yet started) and are now cancelled, with the state each was in.
 */
public record RequestEnded(String trackingNumber, RequestState outcome, List<CancelledLeg> cancelled) {

    public record CancelledLeg(String mdaCode, LegState was, boolean hasSystem) {
    }
}
