package org.onedoor.chaos;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code docs/reliability.md}: the last run's figures, written by the harness and overwritten by the next run. */
final class ReliabilityPage {

    private ReliabilityPage() {
    }

    static String render(Map<String, Object> report, Map<String, Object> settings, List<Section> sections, long seconds) {
        Map<String, Object> m = Section.cast(report.get("machine"));
        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n")
                .append("What OneDoor does when requests race, when its JVM is killed, when one of two nodes dies and when ")
                .append("an MDA's system is down for minutes. This page is written by the reliability harness and ")
                .append("overwritten by each run; it is never part of `./mvnw verify`.\n\n")
                .append("## ").append(report.get("date")).append(" — ")
                .append(sections.stream().map(s -> s.title.toLowerCase()).collect(Collectors.joining(", ")))
                .append("\n\n")
                .append("Command: `./mvnw -Pchaos verify` (").append(Math.round(seconds / 60.0))
                .append(" minutes here; no tests run). Settings: `-Dchaos.clients=").append(settings.get("clients"))
                .append(" -Dchaos.races.requests=").append(settings.get("racesRequests"))
                .append(" -Dchaos.crashes=").append(settings.get("crashes"))
                .append(" -Dchaos.nodes.seconds=").append(settings.get("nodesSeconds"))
                .append(" -Dchaos.outage.seconds=").append(settings.get("outageSeconds"))
                .append(" -Dchaos.settle.seconds=").append(settings.get("settleSeconds"))
                .append(" -Dchaos.scenarios=").append(String.join(",", Section.<List<String>>cast(settings.get("scenarios"))))
                .append("`. Writes `target/chaos/chaos.json` (every figure below, and for a request that did not end its ")
                .append("lifecycle, legs, process activities, jobs and queued messages), the processes' logs beside it.\n\n")
                .append("Machine: ").append(m.get("cores")).append(" cores, ").append(m.get("memoryGiB")).append(" GiB, ")
                .append(m.get("jdk")).append(", ").append(m.get("os")).append(", PostgreSQL ").append(m.get("postgresql"))
                .append(" on the same host.\n\n")
                .append("What runs, in every scenario: OneDoor in a JVM of its own (`-Xmx1g`, demo profile for its users, ")
                .append("a fresh PostgreSQL database per scenario), every MDA of the three services reached system to ")
                .append("system (a copy of `connectors/` with the tasklist MDAs switched to REST and SOAP, as the ")
                .append("benchmark does), so no officer works; the ministry simulator in another JVM, deciding at once by ")
                .append("its rules and resending an answer OneDoor cannot take every second, up to 200 times. OneDoor runs ")
                .append("with a job lock time of 10 s (a killed node's jobs are taken over 10 s after they were locked), ")
                .append("deliveries retried every 3 s 20 times (`R20/PT3S`), the relay every second. Front-desk clients ")
                .append("file the six kinds in turn as `frontdesk`; an applicant answers the fire service's question on ")
                .append("each food request, as soon as the tracking answer shows it. A request has ended when its ")
                .append("lifecycle state is final and no process instance with its tracking number remains (every MDA ")
                .append("was told). A packet is processed twice when an MDA took two packet ids of one type for one ")
                .append("request; the same id arriving again is a duplicate, which the MDA answers without processing.\n\n")
                .append("| scenario | every target met |\n| --- | --- |\n");
        for (Section s : sections) {
            md.append("| ").append(s.title).append(" | ").append(s.met() ? "yes" : "no").append(" |\n");
        }
        for (Section s : sections) {
            md.append("\n### ").append(s.title).append("\n\n").append(s.setup).append("\n\n")
                    .append("| figure | value | target | met |\n| --- | ---: | --- | --- |\n");
            for (Section.Row r : s.rows) {
                md.append("| ").append(r.figure()).append(" | ").append(r.value()).append(" | ").append(r.target())
                        .append(" | ").append(r.met() == null ? "" : r.met() ? "yes" : "no").append(" |\n");
            }
            if (s.outcomes != null) {
                md.append("\n| kind | expected | actual (accepted requests) |\n| --- | --- | --- |\n");
                s.outcomes.forEach((kind, o) -> {
                    Map<String, Object> outcome = Section.cast(o);
                    md.append("| ").append(kind.toLowerCase().replace('_', ' ')).append(" | ").append(outcome.get("expected"))
                            .append(" | ").append(Section.<Map<String, Object>>cast(outcome.get("actual")).entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                            .append(" |\n");
                });
            }
            if (!s.notes.isEmpty()) {
                md.append('\n');
                s.notes.forEach(n -> md.append("- ").append(n).append('\n'));
            }
        }
        md.append("\nHarness time: ").append(Math.round(seconds / 60.0)).append(" minutes.\n");
        return md.toString();
    }
}
