package org.onedoor.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one request adds to the totals: a count per day, MDA ({@code ""} for the whole request), officer ({@code ""}
 * for none), measure and bucket. Kept with the request as text, one {@code day|mda|officer|measure|bucket|count} per
 * line, so that counting it again changes the totals by the difference.
 */
final class Facts {

    /** One thing counted. */
    record Fact(LocalDate day, String mdaCode, String officer, Measure measure, int bucket) implements Comparable<Fact> {

        Fact {
            Objects.requireNonNull(day);
            mdaCode = mdaCode == null ? "" : mdaCode;
            officer = officer == null ? "" : officer;
        }

        @Override
        public int compareTo(Fact o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return day + "|" + mdaCode + "|" + officer + "|" + measure + "|" + bucket;
        }
    }

    private final Map<Fact, Long> counts = new HashMap<>();

    void add(LocalDate day, String mdaCode, String officer, Measure measure, int bucket) {
        counts.merge(new Fact(day, mdaCode, officer, measure, bucket), 1L, Long::sum);
    }

    Map<Fact, Long> counts() {
        return counts;
    }

    String write() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((fact, n) -> text.append(fact).append('|').append(n).append('\n'));
        return text.toString();
    }

    static Facts read(String text) {
        Facts facts = new Facts();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            facts.counts.put(new Fact(LocalDate.parse(f[0]), f[1], f[2], Measure.valueOf(f[3]), Integer.parseInt(f[4])),
                    Long.parseLong(f[5]));
        }
        return facts;
    }

    /** What changes from {@code before} to {@code after}: the counts to add (negative: to take away). */
    static Map<Fact, Long> difference(Facts before, Facts after) {
        Map<Fact, Long> delta = new HashMap<>(after.counts);
        before.counts.forEach((fact, n) -> delta.merge(fact, -n, Long::sum));
        delta.values().removeIf(n -> n == 0);
        return delta;
    }
}
