package org.onedoor.dispatch;

/**
 * An MDA system answered a request packet: published inside the transaction that stored the answer, so that
 * the citizen's timeline and the waiting process take it at once; {@link MdaAnswers#pending()} hands over what
 * the process could not take yet.
 *
 * @param kind    {@code acknowledgement}, {@code decision} or {@code status}
 * @param outcome accepted or incomplete; approved, rejected or info-needed; a status
 * @param message the line the citizen reads
 */
public record MdaAnswered(String packetId, String requestPacketId, String trackingNumber, String mdaCode, String kind,
        String outcome, String reason, String message) {

    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    public static final String DECISION = "decision";

    /** Whether a process waits for this answer (a status update only informs the citizen). */
    public boolean awaited() {
        return ACKNOWLEDGEMENT.equals(kind) || DECISION.equals(kind);
    }
}
