package org.onedoor.workflow;

/**
 * The process variables and messages OneDoor itself reads or writes, named once. BPMN files use the same names;
 * the catalogue test checks that the expressions there still find them. Variables hold references and decisions,
 * never documents or payloads.
 */
final class ProcessVariables {

    static final String TRACKING_NUMBER = "trackingNumber";
    static final String SERVICE_CODE = "serviceCode";
    static final String APPLICANT_NAME = "applicantName";
    /** The request's priority code from the catalogue, or null: its officers' tasks come first. */
    static final String PRIORITY = "priority";
    /** The kinds of the documents filed with the request, so that routing rules can read them. */
    static final String DOCUMENTS = "documents";
    /** When the whole request is due (the SLA); officers' tasks carry it as their due date. */
    static final String DUE_DATE = "dueDate";
    /** The id of the service's routing decision (DMN), from its catalogue entry. */
    static final String ROUTING_DECISION = "routingDecision";
    /** The routing decision's result: one row per MDA with its stage and review levels. */
    static final String ROUTING = "routing";
    /** False when the request ended before it was routed (withdrawn at once). */
    static final String REQUEST_OPEN = "requestOpen";
    /** True when the request was approved at the end of its stages. */
    static final String APPROVED = "approved";
    static final String MDA_CODE = "mdaCode";
    static final String REVIEW_LEVELS = "reviewLevels";
    /** The officer's decision in the review form; see {@link ReviewDecision}. */
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    /** The document kinds an officer asks the applicant for, comma separated. */
    static final String REQUESTED_DOCUMENTS = "requestedDocuments";
    /** What the level above asked to correct, shown to the officer the request was returned to. */
    static final String CORRECTION_NOTE = "correctionNote";
    /** What the MDA's system decided: a {@link org.onedoor.lifecycle.Decision} name. */
    static final String MDA_DECISION = "mdaDecision";

    /** The MDA's system decided (variable {@link #MDA_DECISION}). */
    static final String MDA_DECIDED = "MdaDecided";
    /** The MDA's system asked the applicant for information. */
    static final String MDA_REQUESTED_INFORMATION = "MdaRequestedInformation";
    /** The applicant answered the MDA's question. */
    static final String APPLICANT_ANSWERED = "ApplicantAnswered";
    /** The request ended before its stages did: rejected, withdrawn or cancelled. */
    static final String REQUEST_ENDED = "RequestEnded";

    /** The Grievance process: the grievance, its due dates (ends of days) and the officers' answers. */
    static final String GRIEVANCE_PROCESS = "Grievance";
    static final String GRIEVANCE_ID = "grievanceId";
    static final String GRIEVANCE_DUE = "grievanceDue";
    static final String APPEAL_BY = "appealBy";
    static final String APPEAL_DUE = "appealDue";
    static final String GRIEVANCE_ANSWER = "grievanceAnswer";
    static final String APPEAL_DECISION = "appealDecision";
    /** The citizen appealed the answer to the grievance. */
    static final String GRIEVANCE_APPEALED = "GrievanceAppealed";

    private ProcessVariables() {
    }
}
