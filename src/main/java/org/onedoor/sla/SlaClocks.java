package org.onedoor.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.lifecycle.RequestView;
import org.springframework.stereotype.Component;

/**
 * Each MDA's clock on a request, in working days: it starts when the MDA gets the request, stops at its decision, and
 * pauses for every interval during which the MDA waits for the applicant. Nothing is stored but the facts (when the
 * leg started and ended, when each question was asked and answered), so a holiday added today moves every open clock
 * at once. The request's expected completion follows its stages: a later stage starts when the one before is expected
 * to end.
 */
@Component
public class SlaClocks {

    private final Lifecycle lifecycle;
    private final ServiceRequests requests;
    private final ServiceCatalogue catalogue;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public SlaClocks(Lifecycle lifecycle, ServiceRequests requests, ServiceCatalogue catalogue,
            WorkingDayCalendar calendar, Clock clock) {
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * One MDA's clock.
     *
     * @param startedOn         the day the MDA got the request; for a later stage not started, the day it is expected to
     * @param dueDate           the last working day of its SLA, moved by its paused working days
     * @param pausedWorkingDays working days it waited for the applicant (so far, if it still waits)
     * @param expectedBy        the day it ended, or the day it is expected to end (its due date, today if overdue)
     * @param overdue           open past its due date, or ended after it
     * @param mdaBeyondDue      the MDA system's own expected date (from its acknowledgement) falls after the due date
     */
    public record LegClock(String mdaCode, int stage, int slaWorkingDays, LocalDate startedOn, boolean started,
            LocalDate dueDate, long pausedWorkingDays, boolean paused, LocalDate endedOn, LocalDate expectedBy,
            boolean overdue, LocalDate mdaExpectedBy, boolean mdaBeyondDue) {
    }

    /** A request's clocks: each leg's, and the expected completion of the whole. */
    public record RequestClock(LocalDate expectedCompletion, List<LegClock> legs) {
        public Optional<LegClock> leg(String mdaCode) {
            return legs.stream().filter(l -> l.mdaCode().equals(mdaCode)).findFirst();
        }
    }

    public Optional<RequestClock> of(String trackingNumber) {
        return requests.find(trackingNumber).flatMap(request -> lifecycle.view(trackingNumber)
                .map(view -> of(request, view)));
    }

    public RequestClock of(FiledRequest request, RequestView view) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        ServiceDefinition service = catalogue.find(request.serviceCode()).orElse(null);
        List<Leg> legs = view.legs().stream().sorted(Comparator.comparingInt(Leg::stage)).toList();
        List<LegClock> clocks = new ArrayList<>();
        LocalDate stageStart = day(request.receivedAt());
        LocalDate stageEnd = stageStart;
        int stage = legs.isEmpty() ? 0 : legs.get(0).stage();
        for (Leg leg : legs) {
            if (leg.stage() != stage) {
                stage = leg.stage();
                stageStart = stageEnd;
            }
            // Without the service's entry (a node that never knew it), the SLA printed on the receipt.
            int sla = service != null ? service.slaOf(leg.mdaCode(), request.priority())
                    : (int) calendar.workingDaysBetween(day(request.receivedAt()), request.expectedBy());
            LegClock legClock = leg(leg, sla, stageStart, view.informationRequests(), today);
            clocks.add(legClock);
            stageEnd = max(stageEnd, legClock.expectedBy());
        }
        LocalDate expected;
        if (view.state().isFinal() && view.endedAt() != null) {
            expected = day(view.endedAt());
        } else if (view.state() == RequestState.WAITING_FOR_PAYMENT && service != null) {
            // Nothing is worked before the fee is paid: the promise is the one a payment today would start.
            expected = calendar.addWorkingDays(today, service.slaFor(request.priority()));
        } else if (clocks.isEmpty()) {
            expected = max(request.expectedBy(), today);
        } else {
            expected = stageEnd;
        }
        return new RequestClock(expected, List.copyOf(clocks));
    }

    private LegClock leg(Leg leg, int sla, LocalDate projectedStart, List<InformationRequest> questions,
            LocalDate today) {
        boolean started = leg.startedAt() != null;
        LocalDate startedOn = started ? day(leg.startedAt()) : max(projectedStart, today);
        LocalDate endedOn = leg.endedAt() != null ? day(leg.endedAt()) : null;
        long paused = pausedWorkingDays(leg.mdaCode(), questions, today);
        LocalDate due = calendar.addWorkingDays(startedOn, (int) (sla + paused));
        LocalDate expected = endedOn != null ? endedOn : max(due, today);
        boolean overdue = endedOn != null ? endedOn.isAfter(due) : today.isAfter(due);
        boolean beyond = leg.mdaExpectedBy() != null && leg.mdaExpectedBy().isAfter(due);
        return new LegClock(leg.mdaCode(), leg.stage(), sla, startedOn, started, due, paused,
                leg.state() == LegState.WAITING_FOR_APPLICANT, endedOn, expected, overdue, leg.mdaExpectedBy(), beyond);
    }

    /**
     * The working days after each question's day up to its end (or today), each counted once: of one MDA's questions,
     * or of every MDA's when {@code mdaCode} is null (the days the whole request waited for the applicant).
     */
    public long pausedWorkingDays(String mdaCode, List<InformationRequest> questions, LocalDate today) {
        Set<LocalDate> paused = new HashSet<>();
        for (InformationRequest q : questions) {
            if (mdaCode != null && !q.mdaCode().equals(mdaCode)) {
                continue;
            }
            Instant end = q.endedAt() != null ? q.endedAt() : q.answeredAt();
            LocalDate last = end != null ? day(end) : today;
            for (LocalDate d = day(q.askedAt()).plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    paused.add(d);
                }
            }
        }
        return paused.size();
    }

    /**
     * When an officer's task at {@code level} of {@code levels} is due: the leg's SLA shared out level by level (the
     * desk officer of a three-level chain has the first third of it), moved by the leg's paused days; the last level's
     * date is the leg's own.
     */
    public Optional<LocalDate> taskDue(String trackingNumber, String mdaCode, int level, int levels) {
        return of(trackingNumber).flatMap(clock -> clock.leg(mdaCode)).map(leg -> calendar.addWorkingDays(
                leg.startedOn(), (int) (Math.ceil(leg.slaWorkingDays() * (double) level / levels)
                        + leg.pausedWorkingDays())));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
