package org.onedoor.workbench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.onedoor.casework.GrievanceOfficer;
import org.onedoor.casework.Supervisors;
import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.catalogue.ServiceDefinition.LegNeeds;
import org.onedoor.documents.Downloads;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.intake.ServiceRequests.ReceivedDocument;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.RequestView;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.system.OneDoorException;
import org.onedoor.tracking.CitizenMessages;
import org.onedoor.tracking.Language;
import org.onedoor.tracking.Grievances;
import org.onedoor.tracking.Timeline;
import org.onedoor.viewlog.ViewLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Officers' access to requests: an officer of an MDA (a member of {@code <mda>-desk}, {@code -head} or
 * {@code -director}) opens the file of a request in which the MDA has a part, and sees the fields and documents
 * that part needs; its grievance officers only the files with a grievance against it; anyone else learns nothing,
 * not even that the request exists. Each opening is in the view log.
 */
@Service
public class CaseFiles {

    private final ServiceRequests requests;
    private final Lifecycle lifecycle;
    private final ServiceCatalogue catalogue;
    private final ConnectorRegistry connectors;
    private final Timeline timeline;
    private final CitizenMessages messages;
    private final WorkingDayCalendar calendar;
    private final ViewLog views;
    private final Grievances grievances;

    CaseFiles(ServiceRequests requests, Lifecycle lifecycle, ServiceCatalogue catalogue, ConnectorRegistry connectors,
            Timeline timeline, CitizenMessages messages, WorkingDayCalendar calendar,
            ViewLog views, Grievances grievances) {
        this.grievances = grievances;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.connectors = connectors;
        this.timeline = timeline;
        this.messages = messages;
        this.calendar = calendar;
        this.views = views;
    }

    /** The MDAs whose officer a member of these groups is. */
    public Set<String> mdasOf(Collection<String> groups) {
        return connectors.all().stream().map(Connector::code)
                .filter(mda -> groups.stream().anyMatch(g -> OfficerRole.ofGroup(mda, g).isPresent()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public CaseFile open(String officer, Collection<String> groups, String trackingNumber) {
        Access access = access(officer, groups, trackingNumber);
        access.mdas().forEach(mda -> views.viewed(trackingNumber, officer, mda, null));
        FiledRequest request = access.request();
        ServiceDefinition service = access.service();
        Map<String, Object> particulars = requests.particulars(trackingNumber);
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) particulars.get("form");
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) particulars.get("applicant");
        List<CaseFile.Field> fields = service.fields().stream()
                .filter(f -> form.containsKey(f.name()) && access.needs(n -> n.field(f.name())))
                .map(f -> new CaseFile.Field(f.name(), f.label(), form.get(f.name())))
                .toList();
        List<CaseFile.Document> documents = requests.documents(trackingNumber).stream()
                .filter(d -> access.needs(n -> n.document(d.kind())))
                .map(d -> new CaseFile.Document(d.kind(), label(service, d.kind()), d.fileName(), d.mediaType(),
                        d.size(), "/api/officer/requests/" + trackingNumber + "/documents/" + d.kind()))
                .toList();
        RequestView view = access.view();
        List<CaseFile.Part> parts = view.legs().stream()
                .map(l -> new CaseFile.Part(l.mdaCode(), connectors.find(l.mdaCode()).map(Connector::name).orElse(null),
                        l.stage(), l.hasSystem(), l.state(), l.caseNumber(), l.mdaExpectedBy(), l.decisionReason()))
                .toList();
        List<CaseFile.Question> questions = view.informationRequests().stream()
                .filter(q -> access.mdas().contains(q.mdaCode()))
                .map(q -> new CaseFile.Question(q.mdaCode(), q.askedBy(), q.askedAt(), q.question(), q.documents(),
                        q.answeredAt(), q.answer()))
                .toList();
        List<CaseFile.Grievance> grievances = this.grievances.of(trackingNumber).stream()
                .filter(g -> access.mdas().contains(g.mdaCode()))
                .map(g -> new CaseFile.Grievance(g, this.grievances.evidence(g.id()).stream()
                        .map(e -> new CaseFile.Document("grievance", null, e.fileName(), e.mediaType(), e.size(),
                                "/api/officer/requests/" + trackingNumber + "/grievances/" + g.id() + "/documents/"
                                        + e.sha256()))
                        .toList()))
                .toList();
        List<CaseFile.Step> history = timeline.entries(trackingNumber).stream()
                .map(e -> new CaseFile.Step(e.at(), e.mdaCode(),
                        messages.news(e.kind(), e.mdaCode(), e.facts(), Language.en), e.actor(), e.afterOutcome()))
                .toList();
        return new CaseFile(trackingNumber, service.code(), service.name(), view.state(), request.receivedAt(),
                request.expectedBy(), calendar.workingDaysBetween(calendar.today(), request.expectedBy()), calendar.zone().getId(),
                List.copyOf(access.mdas()),
                applicant, fields, documents, parts, questions, grievances, history);
    }

    public Downloads.Document document(String officer, Collection<String> groups, String trackingNumber, String kind) {
        Access access = access(officer, groups, trackingNumber);
        ReceivedDocument document = requests.documents(trackingNumber).stream()
                .filter(d -> d.kind().equals(kind) && access.needs(n -> n.document(kind)))
                .findFirst()
                .orElseThrow(() -> new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                        "The request has no document '" + kind + "' for your MDA."));
        access.mdas().forEach(mda -> views.viewed(trackingNumber, officer, mda, kind));
        return new Downloads.Document(trackingNumber, kind, document.fileName(), document.mediaType(), document.size(),
                document.sha256(), null);
    }

    /** A document given with a grievance against one of the officer's MDAs; the opening is in the view log. */
    public Downloads.Document evidence(String officer, Collection<String> groups, String trackingNumber,
            String grievanceId, String sha256) {
        Access access = access(officer, groups, trackingNumber);
        Grievances.Grievance grievance = grievances.find(grievanceId)
                .filter(g -> g.trackingNumber().equals(trackingNumber) && access.mdas().contains(g.mdaCode()))
                .orElseThrow(() -> new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                        "No grievance " + grievanceId + " against your MDA."));
        Grievances.Evidence evidence = grievances.evidence(grievance.id()).stream()
                .filter(e -> e.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                        "The grievance has no such document."));
        views.viewed(trackingNumber, officer, grievance.mdaCode(), "grievance");
        return new Downloads.Document(trackingNumber, "grievance", evidence.fileName(), evidence.mediaType(),
                evidence.size(), evidence.sha256(), null);
    }

    private record Access(FiledRequest request, ServiceDefinition service, RequestView view, Set<String> mdas) {
        boolean needs(Predicate<LegNeeds> need) {
            return mdas.stream().anyMatch(mda -> need.test(service.needsOf(mda)));
        }
    }

    /** The officer's MDAs with a part in the request, or the same 404 as for a request that does not exist. */
    private Access access(String officer, Collection<String> groups, String trackingNumber) {
        Optional<FiledRequest> request = requests.find(trackingNumber);
        Optional<RequestView> view = request.flatMap(r -> lifecycle.view(trackingNumber));
        Set<String> officerOf = mdasOf(groups);
        // A holder of the MDA's organogram without a review level (its head, to whom late work climbs) reads too.
        connectors.all().stream().filter(c -> connectors.organogram(c.code()).positions().stream()
                .anyMatch(p -> p.holders().contains(officer))).forEach(c -> officerOf.add(c.code()));
        Set<String> mdas = view.map(v -> v.legs().stream().map(Leg::mdaCode).filter(officerOf::contains)
                .collect(Collectors.toCollection(TreeSet::new))).orElseGet(TreeSet::new);
        if (view.isPresent()) {
            mdas.addAll(grievedBy(groups, trackingNumber));
        }
        if (mdas.isEmpty()) {
            throw new OneDoorException("resource.not-found", HttpStatus.NOT_FOUND,
                    "No request " + trackingNumber + " in which your MDA has a part.");
        }
        return new Access(request.get(), catalogue.find(request.get().serviceCode()).orElseThrow(), view.get(), mdas);
    }

    /**
     * A grievance officer reads a request's file only while it has a grievance against their MDA (the one they
     * answer or decide); the centre's supervisors only one whose appeal is late (handed to them).
     */
    private Set<String> grievedBy(Collection<String> groups, String trackingNumber) {
        LocalDate today = calendar.today();
        return grievances.of(trackingNumber).stream()
                .filter(g -> Arrays.stream(GrievanceOfficer.values()).anyMatch(o -> groups.contains(o.group(g.mdaCode())))
                        || groups.contains(Supervisors.ODSC) && g.state() == Grievances.State.APPEALED
                                && today.isAfter(g.appealDueBy()))
                .map(Grievances.Grievance::mdaCode)
                .collect(Collectors.toSet());
    }

    private static LocalizedName label(ServiceDefinition service, String kind) {
        return service.document(kind).map(ServiceDefinition.DocumentRequirement::label)
                .orElse(new LocalizedName(kind, kind));
    }
}
