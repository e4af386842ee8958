package org.onedoor.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code docs/reliability.md}: each scenario's figures from the last run that ran it. A run of some scenarios
 * ({@code -Dchaos.scenarios=crashes}) replaces their sections and keeps the others' as the earlier run left them,
 * each section saying when and how it ran.
 */
final class ReliabilityPage {

    private static final List<String> ORDER = List.of("Races", "Crashes", "Two nodes", "Outage");
    private static final Pattern SECTION = Pattern.compile("(?ms)^### (.+?)\\n.*?(?=^### |\\z)");
    private static final Pattern SUMMARY_ROW = Pattern.compile("(?m)^\\| (.+?) \\| (.+?) \\| (yes|no) \\|$");

    private ReliabilityPage() {
    }

    /** The page for this run's {@code sections}, with the sections of {@code previous} that this run did not repeat. */
    static String render(Map<String, Object> report, Map<String, Object> settings, List<Section> sections,
            Map<String, Long> secondsBySection, String previous) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Map<String, String> summary = new LinkedHashMap<>();
        Matcher kept = SECTION.matcher(previous);
        while (kept.find()) {
            blocks.put(kept.group(1).trim(), kept.group().stripTrailing() + "\n");
        }
        Matcher rows = SUMMARY_ROW.matcher(previous);
        while (rows.find()) {
            summary.put(rows.group(1), rows.group());
        }
        String run = runLine(report, settings);
        for (Section s : sections) {
            blocks.put(s.title, block(s, run, secondsBySection.get(s.title)));
            summary.put(s.title, "| " + s.title + " | " + report.get("date") + " | " + (s.met() ? "yes" : "no") + " |");
        }
        List<String> titles = ORDER.stream().filter(blocks::containsKey).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n")
                .append("What OneDoor does when requests race, when its JVM is killed, when one of two nodes dies and when ")
                .append("an MDA's system is down for minutes. This page is written by the reliability harness, ")
                .append("`./mvnw -Pchaos verify`; it is never part of `./mvnw verify`. Each scenario's section is from the ")
                .append("last run that ran it (`-Dchaos.scenarios=` chooses), and says when, with which settings and on ")
                .append("which machine it ran; the run writes `target/chaos/chaos.json` (every figure, and for a request ")
                .append("that did not end its lifecycle, legs, process activities, jobs and queued messages), the ")
                .append("processes' logs beside it.\n\n")
                .append("What runs, in every scenario: OneDoor in a JVM of its own (`-Xmx1g`, demo profile for its users, ")
                .append("a fresh PostgreSQL database per scenario), every MDA of the three services reached system to ")
                .append("system (a copy of `connectors/` with the tasklist MDAs switched to REST and SOAP, as the ")
                .append("benchmark does), so no officer works; the ministry simulator in another JVM, deciding at once by ")
                .append("its rules and resending an answer OneDoor cannot take every second (signed anew, with the same ")
                .append("packet id, when OneDoor refuses it as older than its clock window, as the integrator guide ")
                .append("asks). OneDoor runs with a job lock time of 10 s (a killed node's jobs are taken over 10 s after ")
                .append("they were locked), deliveries retried every 3 s 20 times (`R20/PT3S`), the relay every second. ")
                .append("Front-desk clients file the six kinds in turn as `frontdesk`; an applicant answers the fire ")
                .append("service's question on each food request, as soon as the tracking answer shows it. A request has ")
                .append("ended when its lifecycle state is final and no process instance with its tracking number remains ")
                .append("(every MDA was told). A packet is processed twice when an MDA took two packet ids of one type for ")
                .append("one request; the same id arriving again is a duplicate, which the MDA answers without ")
                .append("processing.\n\n")
                .append("| scenario | run on | every target met |\n| --- | --- | --- |\n");
        titles.forEach(t -> md.append(summary.getOrDefault(t, "| " + t + " | | |")).append('\n'));
        titles.forEach(t -> md.append('\n').append(blocks.get(t)));
        return md.toString();
    }

    private static String runLine(Map<String, Object> report, Map<String, Object> settings) {
        Map<String, Object> m = Section.cast(report.get("machine"));
        return "`./mvnw -Pchaos verify -Dchaos.clients=" + settings.get("clients")
                + " -Dchaos.races.requests=" + settings.get("racesRequests")
                + " -Dchaos.crashes=" + settings.get("crashes")
                + " -Dchaos.nodes.seconds=" + settings.get("nodesSeconds")
                + " -Dchaos.outage.seconds=" + settings.get("outageSeconds")
                + " -Dchaos.settle.seconds=" + settings.get("settleSeconds")
                + " -Dchaos.scenarios=" + String.join(",", Section.<List<String>>cast(settings.get("scenarios")))
                + "` on " + m.get("cores") + " cores, " + m.get("memoryGiB") + " GiB, " + m.get("jdk") + ", "
                + m.get("os") + ", PostgreSQL " + m.get("postgresql") + " on the same host";
    }

    private static String block(Section s, String run, Long seconds) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(s.title).append("\n\n")
                .append("Run on ").append(java.time.LocalDate.now()).append(" in ").append(Math.round(seconds / 60.0))
                .append(" minutes: ").append(run).append(".\n\n")
                .append(s.setup).append("\n\n")
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
        return md.toString();
    }
}
