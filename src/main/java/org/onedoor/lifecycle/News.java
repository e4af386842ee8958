package org.onedoor.lifecycle;

/**
 * What can happen to a request, as its timeline records it. Each kind comes with its facts (see
 * {@link RequestNews}); the tracking package words them for the citizen in English and Bangla.
 */
public enum News {
    /** Filed at the counter. */
    RECEIVED,
    /** Filed unpaid for a service worked only once paid: {@code amount}, {@code currency}. */
    PAYMENT_DUE,
    /** The fee was paid after filing: {@code amount}, {@code currency}, {@code method}. */
    PAID,
    /** The request packet reached the MDA's system ({@code mda}). */
    SENT_TO_MDA_SYSTEM,
    /** The MDA's officers have the request ({@code mda}). */
    WITH_OFFICERS,
    /** The MDA's system accepted it: {@code caseNumber}, {@code expectedBy}. */
    ACKNOWLEDGED,
    /** The MDA's system reports where it stands: {@code status}, {@code text}. */
    STATUS,
    /** An officer below the deciding level cleared it: {@code title}. */
    CLEARED_BY_LEVEL,
    /** An officer sent it one level down for correction: {@code from}, {@code to}, {@code comment}. */
    RETURNED_TO_LEVEL,
    /** The MDA asks the applicant: {@code question}, {@code documents}. */
    INFORMATION_REQUESTED,
    /** The applicant answered the MDA's question. */
    INFORMATION_ANSWERED,
    /** The MDA approved its part: {@code reason} (optional). */
    LEG_APPROVED,
    /** The MDA rejected its part: {@code reason}. */
    LEG_REJECTED,
    /** The MDA's system refused the request packet: {@code code}, {@code reason}. */
    LEG_REFUSED,
    /** The MDA was told that the request has ended. */
    MDA_TOLD_ENDED,
    APPROVED,
    REJECTED,
    /** Withdrawn by the applicant: {@code reason}. */
    WITHDRAWN,
    /** Cancelled by an administrator: {@code reason}. */
    CANCELLED,
    /** The MDA answered after the request had ended: {@code answer}, {@code outcome}. Changes nothing. */
    LATE_ANSWER,
    /** A grievance about the request, against {@code mda}, to be answered by {@code dueBy}. */
    GRIEVANCE_FILED,
    /** The MDA's grievance redress officer answered: {@code answer}; an appeal is possible until {@code appealBy}. */
    GRIEVANCE_ANSWERED,
    /** The grievance (or its appeal) is past {@code dueBy}: it went to the officer above. */
    GRIEVANCE_ESCALATED,
    /** The citizen appealed the answer; the appellate officer decides by {@code dueBy}. */
    GRIEVANCE_APPEALED,
    /** The appellate officer decided: {@code decision}. */
    APPEAL_DECIDED
}
