package org.onedoor.dispatch;

import org.onedoor.lifecycle.Decision;

/**
 * An MDA system's answer that its leg's process must follow: a decision, or a request for information. Published
 * in the transaction that took the answer; acknowledgements and status updates concern the lifecycle only.
 *
 * @param decision the decision, or null for a request for information
 */
public record MdaAnswered(String trackingNumber, String mdaCode, String packetId, Decision decision) {

    public boolean asksForInformation() {
        return decision == null;
    }
}
