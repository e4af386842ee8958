package org.onedoor.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.onedoor.chaos.FrontDesk.Filing;

/**
 * Two nodes on one database, job executors on both, the front desk filing on both; node A is killed mid-run and
 * the clients go on filing on node B, to which the simulator answers. B must finish everything A had begun.
 */
final class TwoNodes {

    private TwoNodes() {
    }

    static Section run(int seconds, int clients, int settleSeconds) throws Exception {
        Section section = new Section("Two nodes", "Two OneDoor JVMs (A and B, different ports) on one PostgreSQL "
                + "database, each with its job executor; " + clients + " front-desk clients, half filing on A, half on B, "
                + "for " + seconds + " s; after " + seconds / 2 + " s node A is killed (`kill -9`) and every client files "
                + "on B. The simulator answers to B throughout. A job A had locked is B's once its lock expires (10 s).");
        try (Rig rig = new Rig("nodes", List.of("a", "b"))) {
            rig.start("a");
            rig.start("b");
            try (FrontDesk desk = new FrontDesk(rig, List.of("a", "b"))) {
                desk.start(clients, Integer.MAX_VALUE, Duration.ofSeconds(30));
                Thread.sleep(seconds * 500L);
                Map<String, FrontDesk.Ended> endedBefore = desk.ended();
                Set<String> inFlight = desk.filings().stream().filter(f -> f.accepted() && f.node().equals("a")
                        && !endedBefore.containsKey(f.number())).map(Filing::number).collect(Collectors.toSet());
                long killedAt = System.nanoTime();
                int status = rig.kill("a");
                desk.open(List.of("b"));
                Thread.sleep(seconds * 500L);
                desk.stop();
                desk.settle(Duration.ofSeconds(settleSeconds));
                Map<String, Object> audit = Audit.of(rig, desk, "b");
                List<Filing> filings = desk.filings();
                Map<String, FrontDesk.Ended> ended = desk.ended();
                long lastEnd = inFlight.stream().filter(ended::containsKey).mapToLong(n -> ended.get(n).at())
                        .max().orElse(killedAt);
                section.figures.put("jobsByNode", Audit.jobsByNode(rig));
                section.target("node A killed by SIGKILL (exit status 137)", status, "137", status == 137);
                section.row("accepted on A / on B", filings.stream().filter(f -> f.accepted() && f.node().equals("a")).count()
                        + " / " + filings.stream().filter(f -> f.accepted() && f.node().equals("b")).count());
                section.row("A's requests in flight at the kill / ended on B / the last ended after the kill",
                        inFlight.size() + " / " + inFlight.stream().filter(ended::containsKey).count() + " / "
                                + Math.round((lastEnd - killedAt) / 1e8) / 10.0 + " s");
                section.row("jobs executed per node (Camunda's job log)", section.figures.get("jobsByNode"));
                section.row("filings without answer (cut off by the kill) / that exist all the same",
                        audit.get("filingsWithoutAnswer") + " / " + audit.get("storedWithoutAnswer"));
                section.audited(audit, settleSeconds);
            }
        }
        return section;
    }
}
