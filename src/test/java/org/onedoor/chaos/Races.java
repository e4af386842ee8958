package org.onedoor.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Races: many requests at once with the ministries answering at once, so that the parallel MDAs' answers, the
 * acknowledgement overtaking the send's commit and the jobs of one request meet. Every request must end as the
 * rules predict, none may stall, no incident may remain.
 */
final class Races {

    private Races() {
    }

    static Section run(int requests, int clients, int settleSeconds) throws Exception {
        Section section = new Section("Races", requests + " requests over the three services (the six kinds in turn: "
                + "trade licence retail, food, industrial, hazardous; land mutation; allowance), " + clients
                + " front-desk clients in a closed loop (each files, waits for its request's end, files the next), one "
                + "OneDoor node, the simulator deciding at once (decision delay 0).");
        try (Rig rig = new Rig("races", List.of("onedoor"))) {
            rig.start("onedoor");
            try (FrontDesk desk = new FrontDesk(rig, List.of("onedoor"))) {
                long t0 = System.nanoTime();
                desk.start(clients, requests, Duration.ofSeconds(settleSeconds));
                desk.awaitClients();
                double seconds = (System.nanoTime() - t0) / 1e9;
                desk.settle(Duration.ofSeconds(settleSeconds));
                Map<String, Object> audit = Audit.of(rig, desk, "onedoor");
                long accepted = Audit.count(audit, "accepted");
                section.target("requests filed and accepted (201)", accepted + " of " + audit.get("filings"),
                        "≥ 200", accepted >= 200);
                section.row("load time / requests ended per second", Math.round(seconds) + " s / "
                        + Math.round(accepted / seconds * 100) / 100.0);
                section.row("food requests answered by the applicant", audit.get("applicantAnswers"));
                section.audited(audit, settleSeconds);
            }
        }
        return section;
    }
}
