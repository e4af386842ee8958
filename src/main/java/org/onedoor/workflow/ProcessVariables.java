package org.onedoor.workflow;

/**
 * The process variables OneDoor itself reads or writes, named once. BPMN files use the same names; the
 * catalogue test checks that the expressions there still find them.
 */
final class ProcessVariables {

    static final String TRACKING_NUMBER = "trackingNumber";
    static final String SERVICE_CODE = "serviceCode";
    static final String APPLICANT_NAME = "applicantName";
    /** When the whole request is due (the SLA); officers' tasks carry it as their due date. */
    static final String DUE_DATE = "dueDate";
    static final String MDA_CODE = "mdaCode";
    static final String REVIEW_LEVELS = "reviewLevels";
    /** The officer's decision in the review form: approve, reject or return. */
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    /** What the level above asked to correct, shown to the officer the request was returned to. */
    static final String CORRECTION_NOTE = "correctionNote";
    /** Input parameter of the "record outcome" tasks: approved, rejected or returned. */
    static final String OUTCOME = "outcome";
    /** The id of the request packet an MDA exchange sends, fixed before the first attempt. */
    static final String PACKET_ID = "packetId";
    /** What the MDA system answered: accepted or incomplete, then approved, rejected or info-needed. */
    static final String MDA_OUTCOME = "mdaOutcome";
    static final String MDA_REASON = "mdaReason";

    private ProcessVariables() {
    }
}
