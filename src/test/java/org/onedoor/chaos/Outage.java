package org.onedoor.chaos;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.bench.Load;
import org.onedoor.chaos.FrontDesk.Filing;

/**
 * Outage: one MDA's system down for minutes while requests keep coming. The other MDAs' requests must go on as
 * before; the down MDA's deliveries retry, run out into incidents, are retried by an operator through Camunda's
 * REST API once the system is back, and every request ends.
 */
final class Outage {

    static final String MDA = "environment";

    private Outage() {
    }

    static Section run(int outageSeconds, int clients, int settleSeconds) throws Exception {
        int warmUp = 60;
        int before = 60;
        int after = 60;
        Section section = new Section("Outage", "The " + MDA + " department's system DOWN (the simulator answers 503) for "
                + outageSeconds + " s while " + clients + " front-desk clients keep filing (each waits at most 30 s for "
                + "its request's end); " + warmUp + " s of warm-up, " + before + " s of load before, " + after
                + " s after. OneDoor retries each delivery every 3 s, 20 times, then raises an incident. Afterwards the harness, as an operator, "
                + "retries every incident (`PUT /engine-rest/job/{id}/retries {\"retries\": 1}`) until all requests "
                + "have ended. Latency is compared for the requests that do not involve " + MDA + " (retail and food "
                + "trade licences, land mutation, allowance), by filing time.");
        try (Rig rig = new Rig("outage", List.of("onedoor"))) {
            rig.start("onedoor");
            try (FrontDesk desk = new FrontDesk(rig, List.of("onedoor"))) {
                desk.start(clients, Integer.MAX_VALUE, Duration.ofSeconds(30));
                // A fresh JVM is several times slower: the baseline starts once it is warm.
                Thread.sleep(warmUp * 1000L);
                long t0 = System.nanoTime();
                Thread.sleep(before * 1000L);
                long down = System.nanoTime();
                rig.simulator().put("/simulator/control/{mda}/failure?mode=DOWN&times=0", null, MDA);
                Thread.sleep(outageSeconds * 1000L);
                rig.simulator().delete("/simulator/control/{mda}/failure", MDA);
                long up = System.nanoTime();
                Thread.sleep(after * 1000L);
                desk.stop();
                Set<String> retried = new HashSet<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(settleSeconds + 180).toNanos();
                while (!desk.settle(Duration.ofSeconds(5)) && System.nanoTime() < deadline) {
                    for (JsonNode incident : rig.admin("onedoor").getForObject("/engine-rest/incident", JsonNode.class)) {
                        rig.admin("onedoor").put("/engine-rest/job/{id}/retries", Map.of("retries", 1),
                                incident.path("configuration").asText());
                        retried.add(incident.path("id").asText());
                    }
                }
                Map<String, Object> audit = Audit.of(rig, desk, "onedoor");
                List<Filing> filings = desk.filings();
                Map<String, FrontDesk.Ended> ended = desk.ended();
                Map<String, Object> baseline = latency(filings, ended, t0, down, false);
                Map<String, Object> during = latency(filings, ended, down, up, false);
                Map<String, Object> involved = latency(filings, ended, down, up, true);
                section.figures.put("unaffectedBefore", baseline);
                section.figures.put("unaffectedDuring", during);
                section.figures.put("involvedDuring", involved);
                section.figures.put("incidentsRetried", retried.size());
                long p95Before = ((Number) baseline.get("p95")).longValue();
                Number p95During = (Number) during.get("p95");
                section.row("requests without " + MDA + ", filed before / during the outage, ended",
                        baseline.get("n") + " / " + during.get("n"));
                section.row("their end to end p50 / p95, before the outage",
                        baseline.get("p50") + " / " + p95Before + " ms");
                section.target("their end to end p50 / p95, during the outage", during.get("p50") + " / " + p95During
                        + " ms", "p95 ≤ 1.5 × before", p95During != null && p95During.longValue() <= 1.5 * p95Before);
                section.row("requests involving " + MDA + " filed during the outage / their end to end p50 / p95",
                        involved.get("n") + " / " + involved.get("p50") + " / " + involved.get("p95") + " ms");
                section.row("incidents retried through the REST API", retried.size());
                Set<String> delivered = new HashSet<>();
                rig.taken(MDA).stream().filter(p -> p.path("type").asText().equals("request"))
                        .forEach(p -> delivered.add(p.path("trackingNumber").asText()));
                List<String> undelivered = filings.stream().filter(f -> f.accepted() && f.kind().involves(MDA))
                        .map(Filing::number).filter(n -> !delivered.contains(n)).toList();
                section.figures.put("undelivered", undelivered);
                section.target("requests involving " + MDA + " whose request packet it never took", undelivered.size(),
                        "0", undelivered.isEmpty());
                section.audited(audit, settleSeconds);
            }
        }
        return section;
    }

    /** End to end of the accepted requests filed in [from, to) that do (or do not) involve the MDA. */
    private static Map<String, Object> latency(List<Filing> filings, Map<String, FrontDesk.Ended> ended, long from,
            long to, boolean involving) {
        return Load.percentiles(filings.stream()
                .filter(f -> f.accepted() && f.kind().involves(MDA) == involving && f.filedAt() >= from && f.filedAt() < to
                        && ended.containsKey(f.number()))
                .map(f -> ended.get(f.number()).at() - f.filedAt()).toList());
    }
}
