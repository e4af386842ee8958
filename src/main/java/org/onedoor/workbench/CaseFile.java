package org.onedoor.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.tracking.Grievances;

/**
 * What an officer needs to decide a request: the applicant and the form with the catalogue's labels, the documents
 * the officer's MDA needs (to open inline), every MDA's part, what the MDA asked the applicant and the answers, and
 * the request's history with the decisions and comments of each level.
 *
 * @param yourMdas         the MDAs whose officer opened the file (the documents and fields are theirs to know)
 * @param workingDaysLeft  working days until the due date; negative when overdue
 * @param timeZone         the deployment's zone ({@code onedoor.calendar.zone}), in which pages show times
 */
public record CaseFile(String trackingNumber, String serviceCode, LocalizedName serviceName, RequestState state,
        Instant receivedAt, LocalDate dueDate, long workingDaysLeft, String timeZone, List<String> yourMdas,
        Map<String, Object> applicant, List<Field> fields, List<Document> documents, List<Part> parts,
        List<Question> questions, List<Grievance> grievances, List<Step> history) {

    /** A citizen's grievance against one of the officer's MDAs, with the documents given (to open inline). */
    public record Grievance(@JsonUnwrapped Grievances.Grievance grievance, List<Document> documents) {
    }

    public record Field(String name, LocalizedName label, Object value) {
    }

    /** {@code href} opens the document in the browser with the officer's login. */
    public record Document(String kind, LocalizedName label, String fileName, String mediaType, long size,
            String href) {
    }

    public record Part(String mdaCode, LocalizedName mdaName, int stage, boolean system, LegState state,
            String caseNumber, LocalDate mdaExpectedBy, String decisionReason) {
    }

    public record Question(String mdaCode, String askedBy, Instant askedAt, String question, List<String> documents,
            Instant answeredAt, String answer) {
    }

    /** One line of the history, worded as the citizen reads it; {@code actor} is the officer who did it. */
    public record Step(Instant at, String mdaCode, String message, String actor, boolean afterOutcome) {
    }
}
