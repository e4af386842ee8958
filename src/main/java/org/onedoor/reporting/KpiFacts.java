package org.onedoor.reporting;

import static org.onedoor.reporting.Measure.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.lifecycle.RequestView;
import org.onedoor.reporting.KpiSources.Source;
import org.onedoor.sla.SlaClocks;
import org.onedoor.sla.SlaClocks.LegClock;
import org.springframework.stereotype.Component;

/**
 * What one request counts for, from its facts as they stand: the same clocks as the citizen's tracking page and the
 * officers' due dates ({@link SlaClocks}), in working days with the days waiting for the applicant left out.
 */
@Component
class KpiFacts {

    /**
     * A request as counted.
     *
     * @param countedFrom the first day of any working-day interval counted (the day it was received)
     * @param countedTo   the last day of any such interval; null while one still runs
     */
    record Counted(String trackingNumber, String serviceCode, Facts facts, int escalations, Integer rating,
            LocalDate countedFrom, LocalDate countedTo) {
    }

    /** Whom the citizen's rating counts for besides the whole request: each MDA that had it, each officer who decided. */
    private record Handler(String mdaCode, String officer) {
    }

    private final SlaClocks clocks;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    KpiFacts(SlaClocks clocks, WorkingDayCalendar calendar, Clock clock) {
        this.clocks = clocks;
        this.calendar = calendar;
        this.clock = clock;
    }

    Counted count(Source source) {
        FiledRequest request = source.request();
        RequestView view = source.view();
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        Facts facts = new Facts();
        LocalDate received = day(request.receivedAt());
        Span span = new Span(received);

        facts.add(received, null, null, RECEIVED, 0);
        if (view.state().isFinal()) {
            LocalDate ended = span.ends(view.endedAt());
            facts.add(ended, null, null, outcome(view.state()), 0);
            if (view.state() == RequestState.APPROVED || view.state() == RequestState.REJECTED) {
                // The request's clock runs from its release (a service worked once paid: from the payment) and stops
                // while any of its MDAs waits for the applicant; it is due on the receipt's date, moved by those days.
                long paused = clocks.pausedWorkingDays(null, view.informationRequests(), today);
                LocalDate released = day(source.releasedAt() != null ? source.releasedAt() : request.receivedAt());
                facts.add(ended, null, null, PROCESSING, (int) (calendar.workingDaysBetween(released, ended) - paused));
                if (!ended.isAfter(calendar.addWorkingDays(request.expectedBy(), (int) paused))) {
                    facts.add(ended, null, null, ON_TIME, 0);
                }
            }
        } else {
            facts.add(received, null, null, OPEN, 0);
            span.running();
        }

        List<Handler> handledBy = new ArrayList<>();
        for (LegClock leg : clocks.of(request, view).legs()) {
            if (!leg.started()) {
                continue;
            }
            String mda = leg.mdaCode();
            LegState state = view.legs().stream().filter(l -> l.mdaCode().equals(mda)).findFirst()
                    .map(Leg::state).orElseThrow();
            handledBy.add(new Handler(mda, null));
            facts.add(leg.startedOn(), mda, null, RECEIVED, 0);
            if (!state.isFinal() || leg.endedOn() == null) {
                facts.add(leg.startedOn(), mda, null, OPEN, 0);
                span.running();
                continue;
            }
            span.ends(leg.endedOn());
            if (state == LegState.CANCELLED) {
                facts.add(leg.endedOn(), mda, null, view.state() == RequestState.WITHDRAWN ? WITHDRAWN : CANCELLED, 0);
                continue;
            }
            String officer = officer(source.deciders().get(mda), mda);
            if (officer != null) {
                handledBy.add(new Handler(mda, officer));
            }
            int days = (int) (calendar.workingDaysBetween(leg.startedOn(), leg.endedOn()) - leg.pausedWorkingDays());
            for (String who : officer == null ? List.of("") : List.of("", officer)) {
                facts.add(leg.endedOn(), mda, who, state == LegState.APPROVED ? APPROVED : REJECTED, 0);
                facts.add(leg.endedOn(), mda, who, PROCESSING, days);
                if (!leg.overdue()) {
                    facts.add(leg.endedOn(), mda, who, ON_TIME, 0);
                }
            }
        }

        for (InformationRequest question : view.informationRequests()) {
            everyLevel(facts, day(question.askedAt()), question.mdaCode(), officer(question.askedBy(), question.mdaCode()),
                    INFORMATION_REQUESTS, 0);
        }
        for (KpiSources.Returned returned : source.returns()) {
            everyLevel(facts, day(returned.at()), returned.mdaCode(), returned.officer(), RETURNS, 0);
        }
        for (KpiSources.Step step : source.escalations()) {
            everyLevel(facts, day(step.at()), step.mdaCode(), null, ESCALATIONS, step.step().ordinal());
        }
        if (source.rating() != null) {
            LocalDate given = day(source.rating().firstGivenAt());
            facts.add(given, null, null, RATING, source.rating().rating());
            handledBy.forEach(h -> facts.add(given, h.mdaCode(), h.officer(), RATING, source.rating().rating()));
        }
        for (KpiSources.Grievance grievance : source.grievances()) {
            LocalDate filed = day(grievance.filedAt());
            everyLevel(facts, filed, grievance.mdaCode(), null, GRIEVANCES, 0);
            if (grievance.answeredAt() != null) {
                LocalDate answered = span.ends(grievance.answeredAt());
                everyLevel(facts, answered, grievance.mdaCode(), null, GRIEVANCE_ANSWERED,
                        (int) calendar.workingDaysBetween(filed, answered));
                if (!answered.isAfter(grievance.dueBy())) {
                    everyLevel(facts, answered, grievance.mdaCode(), null, GRIEVANCE_ON_TIME, 0);
                }
            }
            if ("OPEN".equals(grievance.state()) || "APPEALED".equals(grievance.state())) {
                everyLevel(facts, filed, grievance.mdaCode(), null, GRIEVANCE_OPEN, 0);
                span.running();
            }
            if (grievance.appealedAt() != null) {
                everyLevel(facts, day(grievance.appealedAt()), grievance.mdaCode(), null, APPEALS, 0);
            }
        }
        return new Counted(request.trackingNumber(), request.serviceCode(), facts, source.escalations().size(),
                source.rating() == null ? null : source.rating().rating(), received, span.to());
    }

    /** Counted for the whole request, for the MDA, and for the officer if there is one. */
    private static void everyLevel(Facts facts, LocalDate day, String mdaCode, String officer, Measure measure,
            int bucket) {
        facts.add(day, null, null, measure, bucket);
        facts.add(day, mdaCode, null, measure, bucket);
        if (officer != null) {
            facts.add(day, mdaCode, officer, measure, bucket);
        }
    }

    /** An officer of the MDA; not the MDA's own system, which acts under the MDA's code. */
    private static String officer(String actor, String mdaCode) {
        return actor == null || actor.equals(mdaCode) ? null : actor;
    }

    private static Measure outcome(RequestState state) {
        return switch (state) {
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case WITHDRAWN -> WITHDRAWN;
            case CANCELLED -> CANCELLED;
            default -> throw new IllegalArgumentException(state + " is not an outcome");
        };
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, calendar.zone());
    }

    /** The days the counted intervals span: from the day received to the last end, open while one still runs. */
    private final class Span {
        private LocalDate to;
        private boolean running;

        Span(LocalDate from) {
            this.to = from;
        }

        LocalDate ends(Instant at) {
            return ends(day(at));
        }

        LocalDate ends(LocalDate day) {
            to = day.isAfter(to) ? day : to;
            return day;
        }

        void running() {
            running = true;
        }

        LocalDate to() {
            return running ? null : to;
        }
    }
}
