package org.onedoor.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.bench.Load;
import org.onedoor.chaos.FrontDesk.Filing;

/**
 * What a scenario left behind, read once the load stopped and the requests settled: from the database (every
 * request and leg), from the simulator (every packet each MDA took, how often each id arrived), from Camunda's
 * REST API (incidents) and from OneDoor's logs (optimistic-locking retries). Figures keep their insertion order.
 */
final class Audit {

    private final Rig rig;
    private final FrontDesk desk;
    private final String node;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private Audit(Rig rig, FrontDesk desk, String node) {
        this.rig = rig;
        this.desk = desk;
        this.node = node;
    }

    /** The figures, read through {@code node} where OneDoor's API is needed. */
    static Map<String, Object> of(Rig rig, FrontDesk desk, String node) throws SQLException {
        Audit audit = new Audit(rig, desk, node);
        try (Connection sql = rig.sql()) {
            audit.requests(sql);
            audit.packets(sql);
        }
        audit.engine();
        audit.logs();
        return audit.figures;
    }

    /** Jobs that ran to success, by the node that ran them (each node names itself as the engine's host name). */
    static Map<String, Object> jobsByNode(Rig rig) throws SQLException {
        Map<String, Object> result = new TreeMap<>();
        try (Connection sql = rig.sql()) {
            for (Map<String, Object> row : rows(sql, "select hostname_, count(*) as jobs from act_hi_job_log "
                    + "where job_state_ = 2 group by hostname_")) {
                result.put(String.valueOf(row.get("hostname_")), row.get("jobs"));
            }
        }
        return result;
    }

    static long count(Map<String, Object> figures, String key) {
        Object value = figures.get(key);
        return value instanceof List<?> list ? list.size() : ((Number) value).longValue();
    }

    private void requests(Connection sql) throws SQLException {
        List<Filing> filings = desk.filings();
        Map<String, FrontDesk.Ended> ended = desk.ended();
        Set<String> stored = new HashSet<>(column(sql, "select tracking_number from service_request"));
        Map<String, Set<String>> legs = new HashMap<>();
        for (Map<String, Object> leg : rows(sql, "select tracking_number, mda_code from request_leg")) {
            legs.computeIfAbsent((String) leg.get("tracking_number"), k -> new TreeSet<>())
                    .add((String) leg.get("mda_code"));
        }
        Set<String> accepted = new HashSet<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Map<String, Object>> outcomes = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        List<String> misrouted = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("expected", kind.expected.name());
            row.put("actual", new TreeMap<String, Integer>());
            outcomes.put(kind.name(), row);
        }
        for (Filing f : filings) {
            statuses.merge(f.status(), 1, Integer::sum);
            if (!f.accepted()) {
                continue;
            }
            accepted.add(f.number());
            FrontDesk.Ended end = ended.get(f.number());
            @SuppressWarnings("unchecked")
            Map<String, Integer> actual = (Map<String, Integer>) outcomes.get(f.kind().name()).get("actual");
            actual.merge(end == null ? "not ended" : end.state().name(), 1, Integer::sum);
            if (!stored.contains(f.number()) || end == null) {
                lost.add(f.number());
                continue;
            }
            endToEnd.add(end.at() - f.filedAt());
            if (end.state() != f.kind().expected) {
                unexpected.add(f.number() + " " + f.kind() + " " + end.state());
            }
            if (!new TreeSet<>(f.kind().mdas).equals(legs.get(f.number()))) {
                misrouted.add(f.number() + " " + f.kind() + " " + legs.get(f.number()));
            }
        }
        List<String> stalled = stored.stream().filter(n -> !ended.containsKey(n)).sorted().toList();
        figures.put("filings", filings.size() - statuses.getOrDefault(-1, 0));
        figures.put("filingsRefusedWhileDown", statuses.getOrDefault(-1, 0));
        Map<Integer, Integer> others = new TreeMap<>(statuses);
        others.keySet().removeAll(List.of(-1, 0, 201));
        figures.put("otherStatuses", others);
        figures.put("accepted", accepted.size());
        figures.put("filingsWithoutAnswer", statuses.getOrDefault(0, 0));
        figures.put("requestsInDatabase", stored.size());
        figures.put("storedWithoutAnswer", stored.stream().filter(n -> !accepted.contains(n)).count());
        figures.put("orphansCancelled", desk.cancelledOrphans().size());
        figures.put("applicantAnswers", desk.answers());
        figures.put("outcomes", outcomes);
        figures.put("unexpectedOutcomes", unexpected);
        figures.put("misrouted", misrouted);
        figures.put("lost", lost);
        figures.put("stalled", stalled);
        figures.put("legsNotFinal", count(sql,
                "select count(*) from request_leg where state not in ('APPROVED', 'REJECTED', 'CANCELLED')"));
        figures.put("processInstancesLeft", count(sql, "select count(*) from act_ru_execution where parent_id_ is null"));
        figures.put("endToEndMillis", Load.percentiles(endToEnd));
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (String number : stalled.subList(0, Math.min(20, stalled.size()))) {
            evidence.put(number, evidence(sql, number));
        }
        figures.put("stalledEvidence", evidence);
    }

    /**
     * Processed twice: an MDA took two different packet ids of one type for one request (the same id arriving again
     * is a duplicate, answered and not processed). Every packet taken must also be one OneDoor prepared.
     */
    private void packets(Connection sql) throws SQLException {
        Map<String, Set<String>> idsByPart = new TreeMap<>();
        Set<String> takenIds = new HashSet<>();
        for (String mda : Rig.MDAS) {
            for (JsonNode p : rig.taken(mda)) {
                String id = p.path("packetId").asText();
                takenIds.add(id);
                idsByPart.computeIfAbsent(p.path("trackingNumber").asText() + " " + mda + " " + p.path("type").asText(),
                        k -> new TreeSet<>()).add(id);
            }
        }
        List<String> twice = idsByPart.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        JsonNode arrivals = rig.simulator().getForObject("/simulator/control/arrivals", JsonNode.class);
        long again = 0;
        int duplicated = 0;
        for (JsonNode n : arrivals) {
            if (n.asInt() > 1) {
                duplicated++;
                again += n.asInt() - 1;
            }
        }
        Set<String> prepared = new HashSet<>(column(sql, "select packet_id from mda_delivery"));
        figures.put("packetsTaken", takenIds.size());
        figures.put("processedTwice", twice);
        figures.put("packetsArrivingAgain", duplicated);
        figures.put("duplicateArrivals", again);
        figures.put("takenButNotPrepared", takenIds.stream().filter(id -> !prepared.contains(id)).sorted().toList());
        figures.put("preparedNeverTaken", rows(sql, "select packet_id, tracking_number, mda_code, packet_type, sent_at "
                + "from mda_delivery order by prepared_at").stream()
                .filter(d -> !takenIds.contains((String) d.get("packet_id"))).map(Object::toString).toList());
    }

    private void engine() {
        JsonNode incidents = rig.admin(node).getForObject("/engine-rest/incident", JsonNode.class);
        List<String> list = new ArrayList<>();
        incidents.forEach(i -> list.add(i.path("incidentType").asText() + " at " + i.path("activityId").asText() + ": "
                + i.path("incidentMessage").asText()));
        figures.put("incidents", list);
        figures.put("messageLog", rig.admin(node).getForObject("/api/admin/message-log/verification", JsonNode.class));
    }

    /**
     * Camunda logs each job that lost an optimistic-locking race (and is retried at once) as ENGINE-14006; the
     * simulator logs each answer OneDoor could not take (resent a second later; signed anew when refused as older
     * than the clock window), refused, or never took.
     */
    private void logs() {
        long locking = 0;
        long otherJobFailures = 0;
        long errors = 0;
        for (Path log : rig.nodeLogs()) {
            try (Stream<String> lines = Rig.lines(log)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.contains("OptimisticLockingException")) {
                        locking++;
                    } else if (line.contains("ENGINE-14006")) {
                        otherJobFailures++;
                    }
                    if (line.contains(" ERROR ")) {
                        errors++;
                    }
                }
            }
        }
        figures.put("optimisticLockingRetries", locking);
        figures.put("otherJobFailureLines", otherJobFailures);
        figures.put("errorLines", errors);
        long resent = 0;
        long signedAnew = 0;
        List<String> refused = new ArrayList<>();
        List<String> givenUp = new ArrayList<>();
        try (Stream<String> lines = Rig.lines(rig.log("simulator"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains("will resend")) {
                    resent++;
                    signedAnew += line.contains("as too old") ? 1 : 0;
                } else if (line.contains("OneDoor refused the")) {
                    refused.add(line.substring(line.indexOf("OneDoor refused the")));
                } else if (line.contains("gives up")) {
                    givenUp.add(line.substring(line.indexOf("Simulated")));
                }
            }
        }
        figures.put("answersResent", resent);
        figures.put("answersSignedAnew", signedAnew);
        figures.put("answersRefused", refused);
        figures.put("answersGivenUp", givenUp);
    }

    /** Where a request that did not end stands: its lifecycle, legs, process activities, jobs and queued messages. */
    private static Map<String, Object> evidence(Connection sql, String number) throws SQLException {
        String instances = "(select proc_inst_id_ from act_ru_execution where business_key_ = '" + number + "')";
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("state", column(sql, "select state from request_lifecycle where tracking_number = '" + number + "'"));
        e.put("legs", rows(sql, "select mda_code, state from request_leg where tracking_number = '" + number
                + "' order by mda_code"));
        e.put("activities", rows(sql, "select p.key_ as process, e.act_id_ as activity, e.is_active_ as active "
                + "from act_ru_execution e join act_re_procdef p on p.id_ = e.proc_def_id_ "
                + "where e.proc_inst_id_ in " + instances
                + " and e.act_id_ is not null"));
        e.put("subscriptions", rows(sql, "select event_name_, activity_id_ from act_ru_event_subscr "
                + "where proc_inst_id_ in " + instances));
        e.put("jobs", rows(sql, "select j.id_, j.handler_cfg_, j.retries_, j.duedate_, j.lock_owner_, j.lock_exp_time_, "
                + "j.exception_msg_ from act_ru_job j where j.process_instance_id_ in " + instances));
        e.put("queuedMessages", rows(sql, "select id, mda_code, message, created_at from leg_message where tracking_number = '"
                + number + "' and delivered_at is null"));
        e.put("deliveries", rows(sql, "select packet_id, mda_code, packet_type, prepared_at, sent_at from mda_delivery "
                + "where tracking_number = '" + number + "'"));
        e.put("changes", rows(sql, "select seq, to_state, changed_at from request_state_change where tracking_number = '"
                + number + "' order by seq"));
        return e;
    }


    private static long count(Connection sql, String query) throws SQLException {
        return Long.parseLong(column(sql, query).get(0));
    }

    static List<String> column(Connection sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : rows(sql, query)) {
            values.add(String.valueOf(row.values().iterator().next()));
        }
        return values;
    }

    private static List<Map<String, Object>> rows(Connection sql, String query) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = sql.prepareStatement(query); ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnLabel(i), value instanceof java.util.Date ? value.toString() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
