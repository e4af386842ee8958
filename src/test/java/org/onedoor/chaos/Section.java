package org.onedoor.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One scenario's result: what ran, its figures against their targets, and everything measured (for chaos.json). */
final class Section {

    record Row(String figure, String value, String target, Boolean met) {
    }

    final String title;
    final String setup;
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, Object> outcomes;

    Section(String title, String setup) {
        this.title = title;
        this.setup = setup;
    }

    Section row(String figure, Object value) {
        rows.add(new Row(figure, String.valueOf(value), "", null));
        return this;
    }

    Section target(String figure, Object value, String target, boolean met) {
        rows.add(new Row(figure, String.valueOf(value), target, met));
        return this;
    }

    Section zero(String figure, Map<String, Object> audit, String key) {
        long n = Audit.count(audit, key);
        return target(figure, n, "0", n == 0);
    }

    Section note(String text) {
        notes.add(text);
        return this;
    }

    boolean met() {
        return rows.stream().allMatch(r -> r.met() == null || r.met());
    }

    /** The rows every scenario reports from its audit, after its own. */
    Section audited(Map<String, Object> audit, int settleSeconds) {
        figures.put("audit", audit);
        outcomes = cast(audit.get("outcomes"));
        zero("outcomes other than the rules predict", audit, "unexpectedOutcomes");
        zero("requests routed to other MDAs than the routing table names", audit, "misrouted");
        zero("lost: filed with 201, then missing or never ending", audit, "lost");
        zero("requests not ended " + settleSeconds + " s after the load stopped (stalls)", audit, "stalled");
        zero("MDA parts (legs) not in a final state", audit, "legsNotFinal");
        zero("process instances left", audit, "processInstancesLeft");
        zero("incidents left", audit, "incidents");
        zero("packets processed twice (one request, MDA and packet type, two packet ids taken)", audit, "processedTwice");
        zero("packets taken by an MDA that OneDoor never prepared", audit, "takenButNotPrepared");
        zero("answers an MDA gave up sending (OneDoor never took them)", audit, "answersGivenUp");
        row("answers OneDoor refused", Audit.count(audit, "answersRefused"));
        row("answers the simulator had to send again (OneDoor down or failing)", audit.get("answersResent"));
        row("of them signed anew, refused as older than OneDoor's clock window (`packet.clock-skew`)",
                audit.get("answersSignedAnew"));
        row("packets taken by the MDAs", audit.get("packetsTaken"));
        row("packet ids that arrived again (duplicates, answered and not processed) / extra arrivals",
                audit.get("packetsArrivingAgain") + " / " + audit.get("duplicateArrivals"));
        row("packets prepared but never taken", Audit.count(audit, "preparedNeverTaken"));
        row("optimistic-locking retries (ENGINE-14006 lines with OptimisticLockingException)",
                audit.get("optimisticLockingRetries"));
        row("other job failures (ENGINE-14006) / ERROR lines in OneDoor's logs",
                audit.get("otherJobFailureLines") + " / " + audit.get("errorLines"));
        JsonNode log = (JsonNode) audit.get("messageLog");
        target("message log chain intact", log.path("intact").asBoolean() + " (" + log.path("rows").asLong() + " rows)",
                "true", log.path("intact").asBoolean());
        Map<String, Object> latency = cast(audit.get("endToEndMillis"));
        row("end to end p50 / p95 / p99 (filing to ended, every MDA told)",
                latency.get("p50") + " / " + latency.get("p95") + " / " + latency.get("p99") + " ms");
        for (String key : List.of("unexpectedOutcomes", "misrouted", "lost", "stalled", "incidents", "processedTwice",
                "takenButNotPrepared", "answersGivenUp", "answersRefused")) {
            List<?> list = (List<?>) audit.get(key);
            if (!list.isEmpty()) {
                note(key + ": " + list.subList(0, Math.min(10, list.size())) + (list.size() > 10 ? " …" : ""));
            }
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }
}
