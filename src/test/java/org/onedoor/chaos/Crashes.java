package org.onedoor.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.onedoor.bench.Load;

/**
 * Crashes: OneDoor killed with SIGKILL at random moments while the front desk keeps filing and the simulator (never
 * killed) keeps answering, then started again on the same database and port. Nothing accepted may be lost, no MDA
 * may process a packet twice, and every request must end.
 */
final class Crashes {

    private Crashes() {
    }

    static Section run(int crashes, int clients, int settleSeconds) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Section section = new Section("Crashes", crashes + " kills (`kill -9`) of OneDoor, each 1–8 s (uniformly) "
                + "after it reported healthy, then a restart on the same PostgreSQL database and port; " + clients
                + " front-desk clients keep filing throughout, in a closed loop (each waits for its request's end, at most 5 "
                + "minutes: more in flight than that and the backlog outgrows what OneDoor does between kills), the "
                + "simulator in its own JVM keeps answering (and resending what OneDoor could not take, every second). "
                + "A filing cut off by a kill gets no answer: it may or may not exist; such a request that then waits "
                + "for an applicant nobody knows is cancelled by the administrator.");
        section.figures.put("seed", seed);
        try (Rig rig = new Rig("crashes", List.of("onedoor"))) {
            List<Long> restarts = new ArrayList<>();
            List<Long> uptimes = new ArrayList<>();
            int sigkilled = 0;
            rig.start("onedoor");
            try (FrontDesk desk = new FrontDesk(rig, List.of("onedoor"))) {
                desk.start(clients, Integer.MAX_VALUE, Duration.ofMinutes(5));
                for (int i = 1; i <= crashes; i++) {
                    long up = 1000 + random.nextInt(7001);
                    Thread.sleep(up);
                    uptimes.add(up * 1_000_000);
                    if (rig.kill("onedoor") == 137) {
                        sigkilled++;
                    }
                    restarts.add(rig.start("onedoor").toNanos());
                    System.out.println("crash " + i + " of " + crashes + ": " + desk.filings().size() + " filings so far");
                }
                // The last start runs on under load for a while, as every other did.
                Thread.sleep(10_000);
                desk.stop();
                desk.settle(Duration.ofSeconds(settleSeconds));
                Map<String, Object> audit = Audit.of(rig, desk, "onedoor");
                Map<String, Object> restart = Load.percentiles(restarts);
                section.figures.put("restartMillis", restart);
                section.figures.put("uptimeMillis", Load.percentiles(uptimes));
                section.target("kills by SIGKILL (exit status 137)", sigkilled + " of " + crashes, "≥ 100, all by SIGKILL",
                        crashes >= 100 && sigkilled == crashes);
                section.row("restart to healthy p50 / p95", restart.get("p50") + " / " + restart.get("p95") + " ms");
                section.row("filings sent / accepted (201) / no answer (the kill broke the connection) / other statuses",
                        audit.get("filings") + " / " + audit.get("accepted") + " / " + audit.get("filingsWithoutAnswer")
                                + " / " + audit.get("otherStatuses"));
                section.row("filings refused while OneDoor was down (nothing sent)", audit.get("filingsRefusedWhileDown"));
                section.row("filings without answer that exist all the same / of them cancelled as orphans",
                        audit.get("storedWithoutAnswer") + " / " + audit.get("orphansCancelled"));
                section.row("food requests answered by the applicant", audit.get("applicantAnswers"));
                section.audited(audit, settleSeconds);
            }
        }
        return section;
    }
}
