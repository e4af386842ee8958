package org.onedoor.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Half a year of requests for the KPI tests and the dashboard's screenshots, written straight into OneDoor's tables
 * as the application would have left them: 300 requests of the three demo services received from June to August 2026
 * (the open ones from September to mid-November), each MDA's part with its officer or system, questions to the
 * applicant, returns, escalation steps, ratings and grievances, in the proportions of a busy centre. The same seed
 * gives the same requests; {@link #seed} writes them once per database. Every event falls in June to November 2026,
 * a period no other test files requests in.
 */
final class KpiDataSet {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);
    static final String PREFIX = "KPI-2026-";
    /** The SLAs of the demo catalogue (processes/services/*​/service.yaml): the service's, and each leg's own. */
    static final Map<String, Integer> SERVICE_SLA = Map.of("trade-licence", 15, "social-safety-net-allowance", 20,
            "land-mutation", 28);
    static final Map<String, Integer> LEG_SLA = Map.of("city-corporation", 15, "fire-service", 15,
            "social-services", 20, "land-office", 20, "sub-registry", 8);

    record Req(String number, String service, Instant received, Instant released, LocalDate expectedBy, String state,
            Instant ended, List<Leg> legs, List<Question> questions, List<Returned> returns,
            List<Escalation> escalations, Rating rating, List<Grievance> grievances) {

        boolean decided() {
            return state.equals("APPROVED") || state.equals("REJECTED");
        }

        boolean open() {
            return ended == null;
        }
    }

    /** {@code decider}: who made the leg's last change (an officer, the MDA's code for its system). */
    record Leg(String mda, int stage, boolean system, String state, Instant started, Instant ended, String decider) {
    }

    record Question(String mda, String askedBy, Instant asked, Instant answered, Instant ended) {
    }

    record Returned(String mda, String officer, Instant at) {
    }

    record Escalation(String mda, String step, Instant at) {
    }

    record Rating(int rating, Instant firstGiven) {
    }

    record Grievance(String mda, Instant filed, LocalDate dueBy, String state, Instant answered, Instant appealed) {
    }

    private KpiDataSet() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(DHAKA).toInstant();
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, DHAKA);
    }

    /** The requests, from a fixed seed. */
    static List<Req> generate(WorkingDays wd) {
        Random random = new Random(16);
        List<Req> requests = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            requests.add(request(random, wd, PREFIX + String.format("%06d", i), i));
        }
        return requests;
    }

    private static Req request(Random random, WorkingDays wd, String number, int i) {
        double service = random.nextDouble();
        String code = service < 0.45 ? "trade-licence" : service < 0.8 ? "social-safety-net-allowance" : "land-mutation";
        double roll = random.nextDouble();
        String outcome = roll < 0.70 ? "APPROVED" : roll < 0.80 ? "REJECTED" : roll < 0.88 ? "WITHDRAWN"
                : roll < 0.90 ? "CANCELLED" : "OPEN";
        LocalDate receivedDay = outcome.equals("OPEN")
                ? wd.nextWorking(LocalDate.of(2026, 9, 1).plusDays(random.nextInt(73)))
                : wd.nextWorking(FROM.plusDays(random.nextInt(92)));
        Instant received = at(receivedDay, 10, i % 60);
        LocalDate releasedDay = code.equals("land-mutation") && random.nextDouble() < 0.3
                ? wd.add(receivedDay, 1 + random.nextInt(3)) : receivedDay;
        Instant released = releasedDay.equals(receivedDay) ? received : at(releasedDay, 11, i % 60);
        LocalDate expectedBy = wd.add(releasedDay, SERVICE_SLA.get(code));

        // Each MDA's part as it would run to its decision: stages one after another, the MDAs of a stage in parallel.
        List<String[]> plan = switch (code) {
            case "trade-licence" -> List.of(new String[] {"city-corporation", "1", "tasklist"},
                    new String[] {"fire-service", "1", "system"});
            case "social-safety-net-allowance" -> List.<String[]>of(new String[] {"social-services", "1", "tasklist"});
            default -> List.of(new String[] {"land-office", "1", "tasklist"}, new String[] {"sub-registry", "2", "tasklist"});
        };
        List<Instant[]> natural = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        LocalDate stageStart = releasedDay;
        LocalDate stageEnd = releasedDay;
        int stage = 1;
        for (String[] p : plan) {
            if (Integer.parseInt(p[1]) != stage) {
                stage = Integer.parseInt(p[1]);
                stageStart = stageEnd;
            }
            boolean system = p[2].equals("system");
            // A later stage begins on the day the one before it ends, after its decisions (15:xx).
            Instant start = stage == 1 ? at(stageStart, 12, i % 60) : at(stageStart, 16, 30);
            int work = system ? 1 + random.nextInt(6) : 1 + random.nextInt(LEG_SLA.get(p[0]) + 8);
            int pause = 0;
            if (random.nextDouble() < 0.2) {
                LocalDate askedDay = wd.add(stageStart, 1 + random.nextInt(Math.max(1, work)));
                pause = 1 + random.nextInt(6);
                LocalDate answeredDay = wd.add(askedDay, pause);
                questions.add(new Question(p[0], system ? p[0] : p[0] + "-desk", at(askedDay, 13, 0),
                        at(answeredDay, 9, 30), at(answeredDay, 9, 30)));
            }
            LocalDate endDay = wd.add(stageStart, work + pause);
            natural.add(new Instant[] {start, at(endDay, 15, i % 60)});
            stageEnd = endDay.isAfter(stageEnd) ? endDay : stageEnd;
        }
        Instant naturalEnd = natural.stream().map(n -> n[1]).max(Instant::compareTo).orElseThrow();

        // Where the request stops: its end, a rejection by one MDA, a withdrawal or cancellation, or still open now.
        Instant stop = switch (outcome) {
            case "APPROVED" -> naturalEnd.plusSeconds(600);
            case "REJECTED" -> natural.get(random.nextInt(natural.size()))[1];
            case "OPEN" -> at(LocalDate.of(2026, 11, 20), 12, 0);
            default -> released.plusSeconds(3600 + (long) ((naturalEnd.getEpochSecond() - released.getEpochSecond())
                    * random.nextDouble()));
        };
        // An open request has one MDA at least still working on it: the started one that would end last.
        Instant[] stillOpen = !outcome.equals("OPEN") ? null : natural.stream().filter(n -> !n[0].isAfter(stop))
                .max((a, b) -> a[1].compareTo(b[1])).orElseThrow();
        String rejecting = outcome.equals("REJECTED")
                ? plan.get(natural.indexOf(natural.stream().filter(n -> n[1].equals(stop)).findFirst().orElseThrow()))[0]
                : null;
        List<Leg> legs = new ArrayList<>();
        List<Returned> returns = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        for (int l = 0; l < plan.size(); l++) {
            String mda = plan.get(l)[0];
            boolean system = plan.get(l)[2].equals("system");
            Instant start = natural.get(l)[0];
            Instant end = natural.get(l)[1];
            String decider = system ? mda : List.of(mda + "-desk", mda + "-head", mda + "-director",
                    mda.equals("city-corporation") ? "city-corporation-desk2" : mda + "-desk").get(random.nextInt(4));
            Leg leg;
            if (start.isAfter(stop)) {
                leg = new Leg(mda, Integer.parseInt(plan.get(l)[1]), system, outcome.equals("OPEN") ? "PLANNED" : "CANCELLED",
                        null, null, null);
            } else if (mda.equals(rejecting)) {
                leg = new Leg(mda, Integer.parseInt(plan.get(l)[1]), system, "REJECTED", start, end, decider);
            } else if (!end.isAfter(stop) && natural.get(l) != stillOpen) {
                leg = new Leg(mda, Integer.parseInt(plan.get(l)[1]), system, "APPROVED", start, end, decider);
            } else if (outcome.equals("OPEN")) {
                leg = new Leg(mda, Integer.parseInt(plan.get(l)[1]), system, system ? "SENT" : "IN_REVIEW", start, null, null);
            } else {
                leg = new Leg(mda, Integer.parseInt(plan.get(l)[1]), system, "CANCELLED", start, stop, "frontdesk");
            }
            legs.add(leg);
            if (leg.started() != null && !system) {
                LocalDate startDay = day(start);
                if (random.nextDouble() < 0.15) {
                    returns.add(new Returned(mda, mda + "-head", at(wd.add(startDay, 1), 14, 0)));
                }
                if (random.nextDouble() < 0.25) {
                    escalations.add(new Escalation(mda, "REMINDER", at(wd.add(startDay, 2), 8, 0)));
                    if (random.nextDouble() < 0.6) {
                        escalations.add(new Escalation(mda, "OVERDUE", at(wd.add(startDay, 3), 8, 0)));
                        if (random.nextDouble() < 0.5) {
                            escalations.add(new Escalation(mda, "REASSIGNED", at(wd.add(startDay, 5), 8, 0)));
                        }
                    }
                }
            }
        }
        // A question still open when the leg stopped ends with it; an open leg still waits for its answer.
        List<Question> asked = new ArrayList<>();
        for (Question q : questions) {
            Leg leg = legs.stream().filter(g -> g.mda().equals(q.mda())).findFirst().orElseThrow();
            Instant legStop = leg.started() == null ? null : leg.ended() != null ? leg.ended() : stop;
            if (legStop == null || !q.asked().isBefore(legStop)) {
                continue;
            }
            if (q.answered().isBefore(legStop)) {
                asked.add(q);
            } else if (leg.ended() == null) {
                asked.add(new Question(q.mda(), q.askedBy(), q.asked(), null, null));
            } else {
                asked.add(new Question(q.mda(), q.askedBy(), q.asked(), null, leg.ended()));
            }
        }
        List<Leg> settled = new ArrayList<>();
        for (Leg leg : legs) {
            boolean waits = leg.ended() == null && leg.started() != null
                    && asked.stream().anyMatch(q -> q.mda().equals(leg.mda()) && q.ended() == null);
            settled.add(waits ? new Leg(leg.mda(), leg.stage(), leg.system(), "WAITING_FOR_APPLICANT", leg.started(),
                    null, null) : leg);
        }
        String state = outcome.equals("OPEN")
                ? settled.stream().anyMatch(g -> g.state().equals("WAITING_FOR_APPLICANT")) ? "WAITING_FOR_APPLICANT"
                        : "IN_PROGRESS"
                : outcome;
        Instant ended = outcome.equals("OPEN") ? null : stop;

        Rating rating = null;
        if ((state.equals("APPROVED") || state.equals("REJECTED")) && random.nextDouble() < 0.5) {
            int[] scale = {1, 2, 3, 3, 4, 4, 4, 5, 5, 5};
            rating = new Rating(scale[random.nextInt(scale.length)], ended.plusSeconds(86_400L * (1 + random.nextInt(3))));
        }
        List<Grievance> grievances = new ArrayList<>();
        List<Leg> started = settled.stream().filter(g -> g.started() != null).toList();
        if (random.nextDouble() < 0.08 && !started.isEmpty()) {
            LocalDate filed = wd.add(receivedDay, 2 + random.nextInt(8));
            String mda = started.get(random.nextInt(started.size())).mda();
            LocalDate due = wd.add(filed, 30);
            double g = random.nextDouble();
            LocalDate answered = wd.add(filed, 2 + random.nextInt(39));
            if (g < 0.6 && wd.add(answered, 3).isBefore(TO)) {
                boolean appealed = random.nextDouble() < 0.25;
                grievances.add(new Grievance(mda, at(filed, 11, 0), due, appealed ? "APPEALED" : "ANSWERED",
                        at(answered, 16, 0), appealed ? at(wd.add(answered, 3), 10, 0) : null));
            } else {
                grievances.add(new Grievance(mda, at(filed, 11, 0), due, "OPEN", null, null));
            }
        }
        return new Req(number, code, received, released, expectedBy, state, ended, settled, asked, returns,
                escalations, rating, grievances);
    }

    /** Writes the requests, unless this database has them already. */
    static synchronized void seed(JdbcTemplate jdbc, List<Req> requests) {
        if (jdbc.queryForObject("select count(*) from service_request where tracking_number like ?", Long.class,
                PREFIX + "%") > 0) {
            return;
        }
        for (Req r : requests) {
            jdbc.update("""
                    insert into service_request (tracking_number, tracking_code_hash, service_code, applicant_name,
                      applicant_national_id, applicant_phone, applicant_district, form_data, received_at, expected_by,
                      received_by, released_at) values (?, ?, ?, 'KPI Applicant', '1987654321', '01712345678', 'Dhaka',
                      '{}', ?, ?, 'frontdesk', ?)""",
                    r.number(), "0".repeat(64), r.service(), ts(r.received()), r.expectedBy(), ts(r.released()));
            List<Object[]> chain = new ArrayList<>();
            chain.add(new Object[] {"RECEIVED", r.received(), null});
            if (!r.released().equals(r.received())) {
                chain.add(new Object[] {"WAITING_FOR_PAYMENT", r.received(), null});
                chain.add(new Object[] {"RECEIVED", r.released(), "frontdesk"});
            }
            chain.add(new Object[] {"IN_PROGRESS", r.released(), null});
            if (r.state().equals("WAITING_FOR_APPLICANT")) {
                chain.add(new Object[] {"WAITING_FOR_APPLICANT", r.questions().stream().filter(q -> q.ended() == null)
                        .map(Question::asked).min(Instant::compareTo).orElseThrow(), null});
            } else if (!r.state().equals("IN_PROGRESS")) {
                chain.add(new Object[] {r.state(), r.ended(), r.state().equals("WITHDRAWN") ? "frontdesk" : null});
            }
            for (int s = 0; s < chain.size(); s++) {
                jdbc.update("insert into request_state_change (tracking_number, seq, prev_seq, from_state, to_state,"
                        + " changed_at, actor) values (?, ?, ?, ?, ?, ?, ?)", r.number(), s + 1, s == 0 ? null : s,
                        s == 0 ? null : chain.get(s - 1)[0], chain.get(s)[0], ts((Instant) chain.get(s)[1]), chain.get(s)[2]);
            }
            jdbc.update("insert into request_lifecycle (tracking_number, seq, state) values (?, ?, ?)", r.number(),
                    chain.size(), chain.get(chain.size() - 1)[0]);
            for (Leg leg : r.legs()) {
                List<Object[]> legChain = new ArrayList<>();
                legChain.add(new Object[] {"PLANNED", r.released(), null});
                if (leg.started() != null) {
                    legChain.add(new Object[] {leg.system() ? "PENDING" : "IN_REVIEW", leg.started(), null});
                    if (leg.system()) {
                        legChain.add(new Object[] {"SENT", leg.started().plusSeconds(60), leg.mda()});
                    }
                }
                if (leg.state().equals("WAITING_FOR_APPLICANT")) {
                    legChain.add(new Object[] {"WAITING_FOR_APPLICANT", r.questions().stream()
                            .filter(q -> q.mda().equals(leg.mda()) && q.ended() == null).findFirst().orElseThrow().asked(),
                            leg.mda() + "-desk"});
                } else if (!legChain.get(legChain.size() - 1)[0].equals(leg.state())) {
                    legChain.add(new Object[] {leg.state(), leg.ended() != null ? leg.ended() : r.ended(), leg.decider()});
                }
                for (int s = 0; s < legChain.size(); s++) {
                    jdbc.update("insert into leg_state_change (tracking_number, mda_code, seq, prev_seq, from_state, to_state,"
                            + " changed_at, actor) values (?, ?, ?, ?, ?, ?, ?, ?)", r.number(), leg.mda(), s + 1,
                            s == 0 ? null : s, s == 0 ? null : legChain.get(s - 1)[0], legChain.get(s)[0],
                            ts((Instant) legChain.get(s)[1]), legChain.get(s)[2]);
                }
                jdbc.update("insert into request_leg (tracking_number, mda_code, stage, review_levels, has_system, seq,"
                        + " state, started_at, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.number(), leg.mda(),
                        leg.stage(), leg.system() ? 1 : 2, leg.system(), legChain.size(), leg.state(), ts(leg.started()),
                        ts(leg.state().equals("CANCELLED") && leg.started() == null ? r.ended() : leg.ended()));
            }
            for (Question q : r.questions()) {
                jdbc.update("insert into information_request (id, tracking_number, mda_code, asked_by, asked_at, question,"
                        + " documents, resumes_to, answered_at, answered_by, answer, ended_at, end_reason)"
                        + " values (?, ?, ?, ?, ?, 'Please bring the trade register extract.', '', ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID().toString(), r.number(), q.mda(), q.askedBy(), ts(q.asked()),
                        q.mda().equals(q.askedBy()) ? "SENT" : "IN_REVIEW", ts(q.answered()),
                        q.answered() == null ? null : "frontdesk", q.answered() == null ? null : "Attached.",
                        ts(q.ended()), q.ended() == null ? null : q.answered() != null ? "answered" : "decided");
            }
            for (Returned ret : r.returns()) {
                jdbc.update("insert into tracking_event (tracking_number, occurred_at, kind, mda_code, facts, after_outcome,"
                        + " actor) values (?, ?, 'RETURNED_TO_LEVEL', ?, '{}', false, ?)", r.number(), ts(ret.at()),
                        ret.mda(), ret.officer());
            }
            for (Escalation e : r.escalations()) {
                jdbc.update("insert into task_escalation (tracking_number, mda_code, task_id, task_level, step, sent_to,"
                        + " due_date, working_days_late, taken_at, reason) values (?, ?, ?, 'desk', ?, ?, ?, 0, ?, 'late')",
                        r.number(), e.mda(), "task-" + r.number(), e.step(), e.mda() + "-head", day(e.at()), ts(e.at()));
            }
            if (r.rating() != null) {
                jdbc.update("insert into feedback (tracking_number, rating, first_given_at, given_at) values (?, ?, ?, ?)",
                        r.number(), r.rating().rating(), ts(r.rating().firstGiven()), ts(r.rating().firstGiven()));
            }
            for (Grievance g : r.grievances()) {
                jdbc.update("insert into grievance (id, tracking_number, mda_code, channel, filed_by, complaint, filed_at,"
                        + " due_by, state, answer, answered_at, answered_by, appealed_at) values (?, ?, ?, 'tracking-page',"
                        + " 'citizen', 'Nobody answers.', ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), r.number(),
                        g.mda(), ts(g.filed()), g.dueBy(), g.state(), g.answered() == null ? null : "Answered.",
                        ts(g.answered()), g.answered() == null ? null : g.mda() + "-grievance", ts(g.appealed()));
            }
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
