package org.onedoor.reporting;

/**
 * What the KPIs count, each on the day it happened (in the deployment's time zone). A whole request's measures are
 * counted for its service; an MDA's for its part (leg) of the request; an officer's for the parts they decided, the
 * questions they asked and the returns they made.
 */
enum Measure {
    /** Filed (a whole request); the MDA got its part (a leg, when it started). */
    RECEIVED,
    APPROVED,
    REJECTED,
    /** The applicant withdrew the request; for an MDA, while its part was open. */
    WITHDRAWN,
    /** An administrator cancelled the request; for an MDA, its open part ended by another's rejection or a cancellation. */
    CANCELLED,
    /** A decision (approved or rejected) and its processing time: bucket = working days, paused time excluded. */
    PROCESSING,
    /** A decision on or before its due date (the receipt's date, or the MDA's SLA, moved by the paused days). */
    ON_TIME,
    /** Open now, on the day it was received (an MDA's part: the day it got it). */
    OPEN,
    /** An MDA asked the applicant for information or a correction. */
    INFORMATION_REQUESTS,
    /** An officer returned the request one level down for correction. */
    RETURNS,
    /** A step taken on a late officer's task; bucket = the step (0 reminder, 1 overdue notice, 2 handed up). */
    ESCALATIONS,
    /** The citizen's rating, on the day it was first given; bucket = the rating now (1 to 5). */
    RATING,
    /** A grievance filed against the MDA. */
    GRIEVANCES,
    /** A grievance answered; bucket = working days from filing to the answer. */
    GRIEVANCE_ANSWERED,
    /** A grievance answered by its due date. */
    GRIEVANCE_ON_TIME,
    /** A grievance waiting for its answer or its appeal's decision now, on the day it was filed. */
    GRIEVANCE_OPEN,
    /** The citizen appealed the answer. */
    APPEALS;

    /** Counted as it stands now, not as it happened: kept per day only, and read whatever the period. */
    boolean current() {
        return this == OPEN || this == GRIEVANCE_OPEN;
    }
}
