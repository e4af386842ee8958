package org.onedoor.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.lifecycle.InformationRequest;
import org.onedoor.lifecycle.Leg;
import org.onedoor.lifecycle.LegState;
import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.lifecycle.RequestView;

/**
 * Legs' clocks on the Bangladesh calendar of December 2026 (weekends Friday and Saturday; Victory Day on the 16th,
 * Christmas on the 25th): due dates, pauses for the applicant, stages one after another, level shares.
 */
class SlaClocksTest {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(DHAKA,
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), List.of(LocalDate.of(2026, 12, 16), LocalDate.of(2026, 12, 25)));
    private static final String NUMBER = "ODSC-2026-000001-5";

    @TempDir
    static Path services;
    static ServiceCatalogue catalogue;

    /** The trade licence of processes/, with the fire service given 10 of the service's 15 working days. */
    @BeforeAll
    static void catalogue() throws IOException {
        Path folder = Files.createDirectories(services.resolve("trade-licence"));
        Files.writeString(folder.resolve("service.yaml"), Files.readString(
                Path.of("processes/services/trade-licence/service.yaml"))
                .replace("  fire-service:\n", "  fire-service:\n    slaWorkingDays: 10\n")
                + "priorities:\n  - {code: urgent, label: {en: Urgent, bn: জরুরি}, slaWorkingDays: 5}\n");
        catalogue = new ServiceCatalogue("file:" + services + "/*/service.yaml");
    }

    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(DHAKA).toInstant();
    }

    private static SlaClocks clocks(LocalDate today) {
        return new SlaClocks(mock(Lifecycle.class), mock(ServiceRequests.class), catalogue, CALENDAR,
                Clock.fixed(today.atTime(12, 0).atZone(DHAKA).toInstant(), DHAKA));
    }

    private static Leg leg(String mda, int stage, LegState state, Instant startedAt, Instant endedAt,
            LocalDate mdaExpectedBy) {
        return new Leg(mda, stage, 3, false, state, null, mdaExpectedBy, null, startedAt, endedAt);
    }

    private static InformationRequest question(String mda, Instant asked, Instant answered) {
        return new InformationRequest("q-" + asked, NUMBER, mda, "officer", asked, "The lease, please.", List.of(),
                answered, answered == null ? null : "Attached.", answered, answered == null ? null : "answered");
    }

    private static SlaClocks.RequestClock clock(LocalDate today, List<Leg> legs, List<InformationRequest> questions) {
        return clock(today, legs, questions, null);
    }

    private static SlaClocks.RequestClock clock(LocalDate today, List<Leg> legs, List<InformationRequest> questions,
            String priority) {
        FiledRequest request = new FiledRequest(NUMBER, "trade-licence", "Rahima Akter", at(2026, 12, 6),
                LocalDate.of(2026, 12, 28), "hash", priority);
        return clocks(today).of(request, new RequestView(NUMBER, RequestState.IN_PROGRESS, legs, questions, null, null));
    }

    @Test
    void aLegIsDueFifteenWorkingDaysAfterItStartedSkippingWeekendsAndHolidays() {
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 10),
                List.of(leg("city-corporation", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null)), List.of());
        SlaClocks.LegClock leg = clock.leg("city-corporation").orElseThrow();
        assertThat(leg.slaWorkingDays()).isEqualTo(15);
        assertThat(leg.dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(leg.pausedWorkingDays()).isZero();
        assertThat(leg.overdue()).isFalse();
        assertThat(clock.expectedCompletion()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aPriorityShortensEveryLegsClock() {
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 7), List.of(
                leg("city-corporation", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null),
                leg("fire-service", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null)), List.of(), "urgent");
        assertThat(clock.legs()).extracting(SlaClocks.LegClock::slaWorkingDays).containsExactly(5, 5);
        assertThat(clock.expectedCompletion()).isEqualTo(LocalDate.of(2026, 12, 13));
    }

    @Test
    void theClockPausesWhileTheApplicantIsAskedAndResumesWithTheAnswer() {
        // Asked on Tuesday the 8th, answered on Monday the 14th: the 9th, 10th, 13th and 14th are not the MDA's.
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 15),
                List.of(leg("city-corporation", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null)),
                List.of(question("city-corporation", at(2026, 12, 8), at(2026, 12, 14)),
                        question("fire-service", at(2026, 12, 8), null)));
        SlaClocks.LegClock leg = clock.leg("city-corporation").orElseThrow();
        assertThat(leg.pausedWorkingDays()).isEqualTo(4);
        assertThat(leg.paused()).isFalse();
        assertThat(leg.dueDate()).as("across the year end").isEqualTo(LocalDate.of(2027, 1, 3));
    }

    @Test
    void aPauseStillOpenCountsUpToToday() {
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 23),
                List.of(leg("city-corporation", 1, LegState.WAITING_FOR_APPLICANT, at(2026, 12, 6), null, null)),
                List.of(question("city-corporation", at(2026, 12, 20), null)));
        SlaClocks.LegClock leg = clock.leg("city-corporation").orElseThrow();
        assertThat(leg.paused()).isTrue();
        assertThat(leg.pausedWorkingDays()).isEqualTo(3);
        assertThat(leg.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aLaterStageStartsWhenTheStageBeforeIsExpectedToEnd() {
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 10), List.of(
                leg("city-corporation", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null),
                leg("fire-service", 2, LegState.PLANNED, null, null, null)), List.of());
        SlaClocks.LegClock fire = clock.leg("fire-service").orElseThrow();
        assertThat(fire.started()).isFalse();
        assertThat(fire.slaWorkingDays()).as("its own SLA from service.yaml").isEqualTo(10);
        assertThat(fire.startedOn()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(fire.dueDate()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(clock.expectedCompletion()).isEqualTo(LocalDate.of(2027, 1, 11));
    }

    @Test
    void aLegEndedEarlyBringsTheNextStageForward() {
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 10), List.of(
                leg("city-corporation", 1, LegState.APPROVED, at(2026, 12, 6), at(2026, 12, 9), null),
                leg("fire-service", 2, LegState.IN_REVIEW, at(2026, 12, 9), null, null)), List.of());
        assertThat(clock.leg("city-corporation").orElseThrow().expectedBy()).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(clock.expectedCompletion()).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void anOverdueLegAndAnMdaDateBeyondTheDueDateAreFlagged() {
        SlaClocks.RequestClock clock = clock(LocalDate.of(2026, 12, 29), List.of(
                leg("city-corporation", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null),
                leg("fire-service", 1, LegState.ACKNOWLEDGED, at(2026, 12, 6), null, LocalDate.of(2026, 12, 31))),
                List.of());
        SlaClocks.LegClock city = clock.leg("city-corporation").orElseThrow();
        assertThat(city.overdue()).isTrue();
        assertThat(city.expectedBy()).as("not before today").isEqualTo(LocalDate.of(2026, 12, 29));
        SlaClocks.LegClock fire = clock.leg("fire-service").orElseThrow();
        assertThat(fire.dueDate()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(fire.mdaBeyondDue()).isTrue();
    }

    @Test
    void eachLevelHasItsShareOfTheLegsWorkingDays() {
        SlaClocks clocks = new SlaClocks(mock(Lifecycle.class), mock(ServiceRequests.class), catalogue, CALENDAR,
                Clock.fixed(at(2026, 12, 10), DHAKA)) {
            @Override
            public Optional<RequestClock> of(String trackingNumber) {
                return Optional.of(clock(LocalDate.of(2026, 12, 10),
                        List.of(leg("city-corporation", 1, LegState.IN_REVIEW, at(2026, 12, 6), null, null)), List.of()));
            }
        };
        assertThat(clocks.taskDue(NUMBER, "city-corporation", 1, 3)).contains(LocalDate.of(2026, 12, 13));
        assertThat(clocks.taskDue(NUMBER, "city-corporation", 2, 3)).contains(LocalDate.of(2026, 12, 21));
        assertThat(clocks.taskDue(NUMBER, "city-corporation", 3, 3)).contains(LocalDate.of(2026, 12, 28));
        assertThat(clocks.taskDue(NUMBER, "fire-service", 1, 1)).isEmpty();
    }
}
