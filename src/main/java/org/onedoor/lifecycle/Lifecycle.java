package org.onedoor.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onedoor.intake.PaymentRecorded;
import org.onedoor.intake.RequestAccepted;
import org.onedoor.lifecycle.InformationRequest.AnsweredDocument;
import org.onedoor.lifecycle.LifecycleStore.Current;
import org.onedoor.lifecycle.LifecycleStore.LegRow;
import org.onedoor.system.OneDoorException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where a request and its legs change state. Every method joins the caller's transaction and takes
 * the request's lock first, so that the changes of one request (an MDA's answer, an officer's decision, the
 * front desk's withdrawal, the engine's next step) happen one after another and each sees the last. An MDA's
 * rejection, a withdrawal or a cancellation ends the request and cancels every leg still open; the request then
 * keeps its outcome: what arrives later is recorded as late and changes nothing.
 */
@Service
@Transactional
public class Lifecycle {

    private final LifecycleStore store;
    private final InformationRequests information;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Lifecycle(LifecycleStore store, InformationRequests information, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.information = information;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onAccepted(RequestAccepted accepted) {
        store.create(accepted.trackingNumber(), accepted.receivedAt());
        news(accepted.trackingNumber(), false, News.RECEIVED, null, Map.of(), null);
        if (accepted.awaitingPayment()) {
            store.change(lock(accepted.trackingNumber()), RequestState.WAITING_FOR_PAYMENT, accepted.receivedAt(),
                    null, null);
            news(accepted.trackingNumber(), false, News.PAYMENT_DUE, null, Map.of("amount",
                    accepted.feeDue().toPlainString(), "currency", accepted.currency()), null);
        }
    }

    /**
     * The fee was paid after filing: a request that waited for it is received in full, to be routed. A request that
     * has ended takes no payment (409), so the counter does not take money for nothing.
     */
    @EventListener
    void onPaid(PaymentRecorded paid) {
        Current current = lock(paid.trackingNumber());
        if (current.state().isFinal()) {
            throw ended(current.state());
        }
        if (current.state() == RequestState.WAITING_FOR_PAYMENT) {
            store.change(current, RequestState.RECEIVED, paid.at(), paid.by(), null);
        }
        news(paid.trackingNumber(), false, News.PAID, null, Map.of("amount", paid.amount().toPlainString(),
                "currency", paid.currency(), "method", paid.method()), paid.by());
    }

    /** The routing's legs. False if the request ended before it was routed (withdrawn at once): nothing to do. */
    public boolean plan(String trackingNumber, List<PlannedLeg> legs) {
        Current current = lock(trackingNumber);
        if (current.state() != RequestState.RECEIVED) {
            return false;
        }
        Instant now = clock.instant();
        for (PlannedLeg leg : legs) {
            store.planLeg(trackingNumber, leg, now);
        }
        store.change(current, RequestState.IN_PROGRESS, now, null, null);
        return true;
    }

    /** The MDA's part begins: its packet is prepared, or its officers get the request. False if the request ended. */
    public boolean startLeg(String trackingNumber, String mdaCode) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (current.state().isFinal() || leg.state() != LegState.PLANNED) {
            return false;
        }
        store.changeLeg(leg, leg.hasSystem() ? LegState.PENDING : LegState.IN_REVIEW, clock.instant(), null, null);
        events.publishEvent(new LegStarted(trackingNumber, mdaCode));
        if (!leg.hasSystem()) {
            news(trackingNumber, false, News.WITH_OFFICERS, mdaCode, Map.of(), null);
        }
        return true;
    }

    /** The MDA's system signed for the request packet. */
    public void delivered(String trackingNumber, String mdaCode) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (leg.state() == LegState.PENDING) {
            store.changeLeg(leg, LegState.SENT, clock.instant(), mdaCode, null);
            news(trackingNumber, current.state().isFinal(), News.SENT_TO_MDA_SYSTEM, mdaCode, Map.of(), null);
        }
    }

    /** Whether the leg may still be worked: the request is open and the MDA has not decided. */
    @Transactional(readOnly = true)
    public boolean legOpen(String trackingNumber, String mdaCode) {
        return store.state(trackingNumber).filter(s -> !s.isFinal()).isPresent()
                && store.leg(trackingNumber, mdaCode).map(l -> !l.state().isFinal()).orElse(false);
    }

    // ---- answers of MDA systems: TAKEN, LATE (after the end: kept, changes nothing), or a conflict (409)

    public Taken acknowledged(String trackingNumber, String mdaCode, String caseNumber, LocalDate expectedBy) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (late(current, leg, "acknowledgement", "accepted")) {
            return Taken.LATE;
        }
        if (leg.caseNumber() != null) {
            throw conflict("answer.leg-acknowledged", mdaCode + " acknowledged this request before (case "
                    + leg.caseNumber() + ").");
        }
        store.acknowledge(leg, caseNumber, expectedBy);
        if (leg.state() == LegState.PENDING || leg.state() == LegState.SENT) {
            store.changeLeg(leg, LegState.ACKNOWLEDGED, clock.instant(), mdaCode, null);
        }
        news(trackingNumber, false, News.ACKNOWLEDGED, mdaCode,
                Map.of("caseNumber", caseNumber, "expectedBy", expectedBy.toString()), null);
        return Taken.TAKEN;
    }

    public Taken statusReported(String trackingNumber, String mdaCode, String status, String text) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (late(current, leg, "status", status)) {
            return Taken.LATE;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("status", status);
        if (text != null) {
            facts.put("text", text);
        }
        news(trackingNumber, false, News.STATUS, mdaCode, facts, null);
        return Taken.TAKEN;
    }

    public Taken decidedByMda(String trackingNumber, String mdaCode, Decision decision, String reason) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (late(current, leg, "decision", decision.name())) {
            return Taken.LATE;
        }
        decide(current, leg, decision, reason, mdaCode,
                decision == Decision.APPROVED ? News.LEG_APPROVED : News.LEG_REJECTED, reasonFacts(reason));
        return Taken.TAKEN;
    }

    /** The MDA's system refused the request packet itself: its part, and so the request, is rejected. */
    public void refused(String trackingNumber, String mdaCode, String code, String reason) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (current.state().isFinal() || leg.state().isFinal()) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>(reasonFacts(reason));
        if (code != null) {
            facts.put("code", code);
        }
        decide(current, leg, Decision.REJECTED, reason, mdaCode, News.LEG_REFUSED, facts);
    }

    public Taken informationRequestedByMda(String trackingNumber, String mdaCode, String packetId, String question,
            List<String> documents) {
        Current current = lock(trackingNumber);
        LegRow leg = leg(trackingNumber, mdaCode);
        if (late(current, leg, "info-request", null)) {
            return Taken.LATE;
        }
        ask(current, leg, packetId, mdaCode, question, documents);
        return Taken.TAKEN;
    }

    /** The MDA was told that the request ended (its cancellation packet was signed for). */
    public void cancellationDelivered(String trackingNumber, String mdaCode) {
        news(trackingNumber, true, News.MDA_TOLD_ENDED, mdaCode, Map.of(), null);
    }

    // ---- officers of MDAs that work in the task list

    /** An officer below the deciding level cleared the request for the next level. */
    public void levelCleared(String trackingNumber, String mdaCode, String title, String officer) {
        openLeg(trackingNumber, mdaCode);
        news(trackingNumber, false, News.CLEARED_BY_LEVEL, mdaCode, Map.of("title", title), officer);
    }

    public void levelReturned(String trackingNumber, String mdaCode, String from, String to, String comment,
            String officer) {
        openLeg(trackingNumber, mdaCode);
        news(trackingNumber, false, News.RETURNED_TO_LEVEL, mdaCode, Map.of("from", from, "to", to, "comment", comment),
                officer);
    }

    /** The deciding officer ({@code title} in the MDA) approved or rejected the MDA's part. */
    public void decidedByOfficer(String trackingNumber, String mdaCode, Decision decision, String reason, String title,
            String officer) {
        Current current = lock(trackingNumber);
        LegRow leg = openLeg(current, trackingNumber, mdaCode);
        Map<String, String> facts = new LinkedHashMap<>(reasonFacts(reason));
        facts.put("title", title);
        decide(current, leg, decision, reason, officer,
                decision == Decision.APPROVED ? News.LEG_APPROVED : News.LEG_REJECTED, facts);
    }

    /** An officer asks the applicant for information or a correction; returns the information request's id. */
    public String askApplicant(String trackingNumber, String mdaCode, String officer, String question,
            List<String> documents) {
        Current current = lock(trackingNumber);
        LegRow leg = openLeg(current, trackingNumber, mdaCode);
        String id = UUID.randomUUID().toString();
        ask(current, leg, id, officer, question, documents);
        return id;
    }

    // ---- the applicant, through the front desk

    /**
     * The applicant's answer to an open information request, with the documents already stored. The leg goes back
     * to where it was; the request is in progress again once no leg waits for the applicant.
     */
    public InformationAnswered answer(String trackingNumber, String informationRequestId, String text,
            List<AnsweredDocument> documents, String by) {
        Current current = lock(trackingNumber);
        if (current.state().isFinal()) {
            throw ended(current.state());
        }
        InformationRequest asked = information.find(informationRequestId)
                .filter(r -> r.trackingNumber().equals(trackingNumber) && r.open())
                .orElseThrow(() -> conflict("information.not-requested",
                        "No open information request " + informationRequestId + " for " + trackingNumber + "."));
        Instant now = clock.instant();
        LegState resumesTo = information.resumesTo(asked.id());
        information.answer(asked.id(), text, by, now, documents);
        LegRow leg = leg(trackingNumber, asked.mdaCode());
        store.changeLeg(leg, resumesTo, now, by, null);
        settleWaiting(current, now);
        news(trackingNumber, false, News.INFORMATION_ANSWERED, asked.mdaCode(), Map.of(), by);
        InformationAnswered answered = new InformationAnswered(trackingNumber, asked.mdaCode(), asked.id(), leg.hasSystem());
        events.publishEvent(answered);
        return answered;
    }

    /** The front desk withdraws the request at the applicant's wish. */
    public void withdraw(String trackingNumber, String reason, String by) {
        Current current = lock(trackingNumber);
        if (current.state() == RequestState.WITHDRAWN) {
            throw conflict("request.already-withdrawn", trackingNumber + " was withdrawn before.");
        }
        if (current.state().isFinal()) {
            throw ended(current.state());
        }
        end(current, RequestState.WITHDRAWN, by, reason, News.WITHDRAWN, null, Map.of("reason", reason));
    }

    /** An administrator cancels the request. */
    public void cancel(String trackingNumber, String reason, String by) {
        Current current = lock(trackingNumber);
        if (current.state().isFinal()) {
            throw ended(current.state());
        }
        end(current, RequestState.CANCELLED, by, reason, News.CANCELLED, null, Map.of("reason", reason));
    }

    /**
     * Every stage is done: the request is approved. False if it ended meanwhile (a withdrawal won the race). A
     * leg that has not approved is a contradiction between the process and the lifecycle: an incident.
     */
    public boolean approve(String trackingNumber) {
        Current current = lock(trackingNumber);
        if (current.state().isFinal()) {
            return false;
        }
        List<LegRow> open = store.legs(trackingNumber).stream().filter(l -> l.state() != LegState.APPROVED).toList();
        if (!open.isEmpty()) {
            throw new IllegalStateException("The process of " + trackingNumber + " finished its stages, but "
                    + open.stream().map(l -> l.mdaCode() + " is " + l.state()).toList() + ".");
        }
        store.change(current, RequestState.APPROVED, clock.instant(), null, null);
        news(trackingNumber, false, News.APPROVED, null, Map.of(), null);
        return true;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<RequestView> view(String trackingNumber) {
        return store.state(trackingNumber).map(state -> {
            Optional<LifecycleStore.Ending> ending = store.ending(trackingNumber);
            return new RequestView(trackingNumber, state, legs(trackingNumber), information.all(trackingNumber),
                    ending.map(LifecycleStore.Ending::at).orElse(null),
                    ending.map(LifecycleStore.Ending::reason).orElse(null));
        });
    }

    @Transactional(readOnly = true)
    public Optional<RequestState> state(String trackingNumber) {
        return store.state(trackingNumber);
    }

    /** The requests in which a leg of {@code mdaCode} (any MDA's if null) runs now. */
    @Transactional(readOnly = true)
    public List<String> withOpenLegs(String mdaCode) {
        return store.withOpenLegs(mdaCode);
    }

    @Transactional(readOnly = true)
    public List<Leg> legs(String trackingNumber) {
        return store.legs(trackingNumber).stream().map(l -> new Leg(l.mdaCode(), l.stage(), l.reviewLevels(),
                l.hasSystem(), l.state(), l.caseNumber(), l.mdaExpectedBy(), l.decisionReason(), l.startedAt(),
                l.endedAt())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<InformationRequest> informationRequest(String id) {
        return information.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<InformationRequest> openInformationRequest(String trackingNumber, String mdaCode) {
        return information.open(trackingNumber, mdaCode);
    }

    @Transactional(readOnly = true)
    public List<AnsweredDocument> answeredDocuments(String informationRequestId) {
        return information.documents(informationRequestId);
    }

    // ---- the rules

    private Current lock(String trackingNumber) {
        return store.lock(trackingNumber).orElseThrow(() -> new OneDoorException("tracking.unknown",
                HttpStatus.NOT_FOUND, "No request has the tracking number '" + trackingNumber + "'."));
    }

    private LegRow leg(String trackingNumber, String mdaCode) {
        return store.leg(trackingNumber, mdaCode).orElseThrow(() -> new OneDoorException("answer.leg-unknown",
                HttpStatus.CONFLICT, mdaCode + " takes no part in " + trackingNumber + "."));
    }

    private LegRow openLeg(String trackingNumber, String mdaCode) {
        return openLeg(lock(trackingNumber), trackingNumber, mdaCode);
    }

    /** For officers: a leg that has ended cannot be worked any more. */
    private LegRow openLeg(Current current, String trackingNumber, String mdaCode) {
        if (current.state().isFinal()) {
            throw ended(current.state());
        }
        LegRow leg = leg(trackingNumber, mdaCode);
        if (leg.state().isFinal()) {
            throw conflict("answer.leg-decided", mdaCode + " has already decided its part (" + leg.state() + ").");
        }
        return leg;
    }

    /**
     * An answer on a leg the end of the request cancelled is late: recorded, nothing changes. On a leg the MDA
     * itself decided, any further answer contradicts its own history.
     */
    private boolean late(Current current, LegRow leg, String answer, String outcome) {
        if (leg.state() == LegState.CANCELLED) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("answer", answer);
            if (outcome != null) {
                facts.put("outcome", outcome);
            }
            news(current.trackingNumber(), true, News.LATE_ANSWER, leg.mdaCode(), facts, leg.mdaCode());
            return true;
        }
        if (leg.state().isFinal()) {
            throw conflict("answer.leg-decided", leg.mdaCode() + " has already decided (" + leg.state()
                    + "); this " + answer + " contradicts that and changes nothing.");
        }
        if (leg.state() == LegState.PLANNED) {
            throw conflict("answer.leg-not-started", leg.mdaCode() + " has not been sent this request yet.");
        }
        return false;
    }

    private void decide(Current current, LegRow leg, Decision decision, String reason, String actor, News kind,
            Map<String, String> facts) {
        Instant now = clock.instant();
        information.open(leg.trackingNumber(), leg.mdaCode()).ifPresent(r -> information.close(r.id(), "decided", now));
        store.changeLeg(leg, decision.legState(), now, actor, reason);
        store.decisionReason(leg, reason);
        news(leg.trackingNumber(), false, kind, leg.mdaCode(), facts, actor);
        if (decision == Decision.REJECTED) {
            end(current, RequestState.REJECTED, actor, reason, News.REJECTED, leg.mdaCode(), Map.of());
        } else {
            settleWaiting(current, now);
        }
    }

    private void ask(Current current, LegRow leg, String id, String askedBy, String question, List<String> documents) {
        if (leg.state() == LegState.WAITING_FOR_APPLICANT) {
            throw conflict("information.pending", leg.mdaCode() + " already waits for the applicant's answer to an "
                    + "earlier question.");
        }
        Instant now = clock.instant();
        LegState resumesTo = leg.state() == LegState.IN_REVIEW ? LegState.IN_REVIEW
                : leg.state() == LegState.ACKNOWLEDGED ? LegState.ACKNOWLEDGED : LegState.SENT;
        information.create(id, leg.trackingNumber(), leg.mdaCode(), askedBy, now, question, documents, resumesTo);
        store.changeLeg(leg, LegState.WAITING_FOR_APPLICANT, now, askedBy, question);
        settleWaiting(current, now);
        news(leg.trackingNumber(), false, News.INFORMATION_REQUESTED, leg.mdaCode(),
                Map.of("question", question, "documents", String.join(", ", documents)), askedBy);
    }

    /** The request waits for the applicant exactly while one of its legs does. */
    private void settleWaiting(Current current, Instant now) {
        boolean waiting = store.legs(current.trackingNumber()).stream()
                .anyMatch(l -> l.state() == LegState.WAITING_FOR_APPLICANT);
        if (waiting && current.state() == RequestState.IN_PROGRESS) {
            store.change(current, RequestState.WAITING_FOR_APPLICANT, now, null, null);
        } else if (!waiting && current.state() == RequestState.WAITING_FOR_APPLICANT) {
            store.change(current, RequestState.IN_PROGRESS, now, null, null);
        }
    }

    /** The request's final state; every leg not decided is cancelled, and whoever must be told is told. */
    private void end(Current current, RequestState outcome, String actor, String reason, News kind, String mdaCode,
            Map<String, String> facts) {
        Instant now = clock.instant();
        List<RequestEnded.CancelledLeg> cancelled = new ArrayList<>();
        for (LegRow leg : store.legs(current.trackingNumber())) {
            if (!leg.state().isFinal()) {
                information.open(leg.trackingNumber(), leg.mdaCode()).ifPresent(r -> information.close(r.id(), "cancelled", now));
                store.changeLeg(leg, LegState.CANCELLED, now, actor, outcome.name());
                cancelled.add(new RequestEnded.CancelledLeg(leg.mdaCode(), leg.state(), leg.hasSystem()));
            }
        }
        store.change(current, outcome, now, actor, reason);
        news(current.trackingNumber(), false, kind, mdaCode, facts, actor);
        events.publishEvent(new RequestEnded(current.trackingNumber(), outcome, List.copyOf(cancelled)));
    }

    private void news(String trackingNumber, boolean afterOutcome, News kind, String mdaCode, Map<String, String> facts,
            String actor) {
        events.publishEvent(new RequestNews(trackingNumber, clock.instant(), kind, mdaCode, facts, afterOutcome, actor));
    }

    private static Map<String, String> reasonFacts(String reason) {
        return reason == null ? Map.of() : Map.of("reason", reason);
    }

    private static OneDoorException conflict(String code, String message) {
        return new OneDoorException(code, HttpStatus.CONFLICT, message);
    }

    private static OneDoorException ended(RequestState state) {
        return conflict("request.ended", "The request has ended (" + state + "): nothing about it can change now.");
    }
}
