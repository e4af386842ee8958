package org.onedoor.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.reporting.Dashboard.Row;

/** The pieces of the KPIs that need no database: percentiles from counts, facts as text and their differences, CSV. */
class KpisTest {

    @Test
    void aPercentileOfCountsIsThePercentileOfTheValues() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Integer> values = new ArrayList<>();
            TreeMap<Integer, Long> counts = new TreeMap<>();
            for (int i = random.nextInt(40) + 1; i > 0; i--) {
                int v = random.nextInt(30);
                values.add(v);
                counts.merge(v, 1L, Long::sum);
            }
            for (double p : new double[] {0, 0.5, 0.9, 1}) {
                assertThat(Kpis.percentile(counts, p)).as(values + " p" + p)
                        .isCloseTo(KpiIT.percentile(values, p), within(1e-9));
            }
        }
        assertThat(Kpis.percentile(new TreeMap<>(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L)), 0.5)).isEqualTo(2.5);
        assertThat(Kpis.percentile(new TreeMap<>(), 0.5)).isNull();
    }

    @Test
    void theBacklogsAgeGroups() {
        assertThat(List.of(0, 5, 6, 10, 11, 20, 21, 30, 31, 60, 61, 400).stream().map(Kpis::bucket))
                .containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void factsReadBackAsWrittenAndDifferOnlyInWhatChanged() {
        LocalDate day = LocalDate.of(2026, 7, 1);
        Facts before = new Facts();
        before.add(day, null, null, Measure.RECEIVED, 0);
        before.add(day, null, null, Measure.OPEN, 0);
        before.add(day, "city-corporation", "city-corporation-desk", Measure.RATING, 4);
        assertThat(Facts.read(before.write()).counts()).isEqualTo(before.counts());

        Facts after = new Facts();
        after.add(day, null, null, Measure.RECEIVED, 0);
        after.add(day, "city-corporation", "city-corporation-desk", Measure.RATING, 5);
        assertThat(Facts.difference(before, after)).containsOnly(
                Map.entry(new Facts.Fact(day, "", "", Measure.OPEN, 0), -1L),
                Map.entry(new Facts.Fact(day, "city-corporation", "city-corporation-desk", Measure.RATING, 4), -1L),
                Map.entry(new Facts.Fact(day, "city-corporation", "city-corporation-desk", Measure.RATING, 5), 1L));
    }

    @Test
    void theCsvQuotesWhatItMustAndDefusesFormulas() {
        List<Long> none = List.of(0L, 0L, 0L, 0L, 0L, 0L);
        Row total = new Row("total", null, null, null, 3, 2, 1, 1, 0, 0, 1, none, 2.5, 10.0, 1, 0.5, 0, 0, 0, 0, 0, 1,
                4.0, List.of(0L, 0L, 0L, 1L, 0L), 0, 0, null, null, 0, 0, none, 0);
        Row service = new Row("service", "x", new LocalizedName("=HYPERLINK(\"evil\")", "a, \"b\""), null, 0, 0, 0, 0,
                0, 0, 0, none, null, null, 0, null, 0, 0, 0, 0, 0, 0, null, List.of(0L, 0L, 0L, 0L, 0L), 0, 0, null,
                null, 0, 0, none, 0);
        Dashboard dashboard = new Dashboard(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null, true, List.of(),
                null, LocalDate.of(2026, 2, 2), 0, Kpis.BACKLOG_BUCKETS, total, List.of(service), List.of(), List.of(), null);
        List<Map<String, String>> english = Csv.parse(KpiCsv.write(dashboard, false));
        assertThat(english.get(0).keySet()).containsExactlyElementsOf(KpiCsv.COLUMNS);
        assertThat(english.get(0)).containsEntry("median_working_days", "2.5").containsEntry("p90_working_days", "10")
                .containsEntry("sla_compliance_percent", "50").containsEntry("average_rating", "4");
        assertThat(english.get(1).get("name")).isEqualTo("'=HYPERLINK(\"evil\")");
        assertThat(english.get(1).get("median_working_days")).isEmpty();
        assertThat(Csv.parse(KpiCsv.write(dashboard, true)).get(1).get("name")).isEqualTo("a, \"b\"");
    }
}
