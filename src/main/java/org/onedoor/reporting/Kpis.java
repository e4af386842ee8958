package org.onedoor.reporting;

import static org.onedoor.reporting.Measure.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.onedoor.casework.OfficerRole;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.mda.Organogram;
import org.onedoor.reporting.Dashboard.Choice;
import org.onedoor.reporting.Dashboard.Point;
import org.onedoor.reporting.Dashboard.Row;
import org.onedoor.reporting.Dashboard.Trend;
import org.onedoor.reporting.KpiStore.Dated;
import org.onedoor.reporting.KpiStore.Open;
import org.onedoor.reporting.KpiStore.Sum;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reads the dashboard from the totals: a few hundred summed rows whatever the number of requests, and what is open
 * now aged with today's calendar. Counts the changes not yet counted first (up to {@code onedoor.reporting.read-limit}
 * of them; more are left to the refresh, and reported as pending).
 */
@Service
class Kpis {

    /** The backlog's age groups: up to 5 working days, 6 to 10, ..., more than 60. */
    static final int[] BACKLOG_LIMITS = {5, 10, 20, 30, 60};
    static final List<String> BACKLOG_BUCKETS = List.of("0-5", "6-10", "11-20", "21-30", "31-60", "61+");
    /** A period up to this long is shown day by day, a longer one month by month. */
    private static final int DAYS_IN_TREND = 92;

    private final KpiStore store;
    private final KpiRefresh refresh;
    private final ServiceCatalogue catalogue;
    private final ConnectorRegistry connectors;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int readLimit;

    Kpis(KpiStore store, KpiRefresh refresh, ServiceCatalogue catalogue, ConnectorRegistry connectors,
            WorkingDayCalendar calendar, Clock clock, @Value("${onedoor.reporting.read-limit:5000}") int readLimit) {
        this.store = store;
        this.refresh = refresh;
        this.catalogue = catalogue;
        this.connectors = connectors;
        this.calendar = calendar;
        this.clock = clock;
        this.readLimit = readLimit;
    }

    /** The MDA's name as the dashboard shows it (its code, if it has no connector any more). */
    LocalizedName mdaName(String code) {
        return connectors.find(code).map(Connector::name).orElse(new LocalizedName(code, code));
    }

    /**
     * The dashboard of {@code from} to {@code to}, inclusive, for one MDA ({@code mdaCode}) or every MDA (null).
     * {@code choices} are the MDAs the user may choose, {@code everyMda} whether they may see all at once.
     */
    Dashboard read(LocalDate from, LocalDate to, String mdaCode, boolean everyMda, List<String> choices) {
        refresh.catchUp(readLimit);
        long pending = store.pending();
        String own = mdaCode == null ? "" : mdaCode;
        Tally total = new Tally();
        Map<String, Tally> services = new TreeMap<>();
        Map<String, Tally> mdas = new TreeMap<>();
        Map<List<String>, Tally> officers = new HashMap<>();
        for (Sum s : store.sums(from, to, mdaCode)) {
            if (!s.officer().isEmpty()) {
                officers.computeIfAbsent(List.of(s.mdaCode(), s.officer()), k -> new Tally()).add(s.measure(), s.bucket(), s.n());
                continue;
            }
            if (s.mdaCode().equals(own)) {
                total.add(s.measure(), s.bucket(), s.n());
                services.computeIfAbsent(s.serviceCode(), k -> new Tally()).add(s.measure(), s.bucket(), s.n());
            }
            if (!s.mdaCode().isEmpty()) {
                mdas.computeIfAbsent(s.mdaCode(), k -> new Tally()).add(s.measure(), s.bucket(), s.n());
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        Map<LocalDate, Integer> ages = new HashMap<>();
        for (Open o : store.open(mdaCode)) {
            int bucket = ages.computeIfAbsent(o.day(), day -> bucket(calendar.workingDaysBetween(day, today)));
            if (o.mdaCode().equals(own)) {
                total.open(o.measure(), bucket, o.n());
                services.computeIfAbsent(o.serviceCode(), k -> new Tally()).open(o.measure(), bucket, o.n());
            }
            if (!o.mdaCode().isEmpty()) {
                mdas.computeIfAbsent(o.mdaCode(), k -> new Tally()).open(o.measure(), bucket, o.n());
            }
        }

        List<Row> serviceRows = new ArrayList<>();
        services.forEach((code, t) -> serviceRows.add(t.row("service", code, serviceName(code), null)));
        serviceRows.sort(Comparator.comparing(r -> r.name().en()));
        List<Row> mdaRows = new ArrayList<>();
        mdas.forEach((code, t) -> mdaRows.add(t.row("mda", code, mdaName(code), null)));
        mdaRows.sort(Comparator.comparing(r -> r.name().en()));
        List<Row> officerRows = new ArrayList<>();
        officers.forEach((key, t) -> officerRows.add(t.row("officer", key.get(1), officerTitle(key.get(0), key.get(1)),
                key.get(0))));
        officerRows.sort(Comparator.comparing((Row r) -> mdaName(r.mdaCode()).en()).thenComparing(Row::code));
        List<Choice> mdaChoices = choices.stream().map(c -> new Choice(c, mdaName(c)))
                .sorted(Comparator.comparing(c -> c.name().en())).toList();
        return new Dashboard(from, to, mdaCode, everyMda, mdaChoices, clock.instant(), today, pending,
                BACKLOG_BUCKETS, total.row("total", mdaCode, mdaCode == null ? null : mdaName(mdaCode), null), serviceRows,
                mdaRows, officerRows, trend(from, to, own));
    }

    private Trend trend(LocalDate from, LocalDate to, String own) {
        boolean byDay = ChronoUnit.DAYS.between(from, to) < DAYS_IN_TREND;
        Function<LocalDate, String> period = byDay ? LocalDate::toString : day -> YearMonth.from(day).toString();
        Map<String, Map<Measure, Long>> sums = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = byDay ? d.plusDays(1) : d.withDayOfMonth(1).plusMonths(1)) {
            sums.put(period.apply(d), new EnumMap<>(Measure.class));
        }
        for (Dated d : store.trend(from, to, own, byDay, List.of(RECEIVED, APPROVED, REJECTED, WITHDRAWN))) {
            sums.get(period.apply(d.periodStart())).merge(d.measure(), d.n(), Long::sum);
        }
        List<Point> points = new ArrayList<>();
        sums.forEach((p, n) -> points.add(new Point(p, n.getOrDefault(RECEIVED, 0L), n.getOrDefault(APPROVED, 0L),
                n.getOrDefault(REJECTED, 0L), n.getOrDefault(WITHDRAWN, 0L))));
        return new Trend(byDay ? "day" : "month", points);
    }

    private LocalizedName serviceName(String code) {
        return catalogue.find(code).map(ServiceDefinition::name).orElse(new LocalizedName(code, code));
    }

    /** The officer's position in the MDA's organogram, or the title of the review level the user stands for. */
    private LocalizedName officerTitle(String mdaCode, String officer) {
        return connectors.find(mdaCode).flatMap(c -> connectors.organogram(mdaCode).positions().stream()
                        .filter(p -> p.holders().contains(officer)).map(Organogram.Position::title).findFirst()
                        .or(() -> OfficerRole.ofGroup(mdaCode, officer).map(c::officerTitle)))
                .map(title -> new LocalizedName(title, title)).orElse(null);
    }

    static int bucket(long workingDays) {
        for (int i = 0; i < BACKLOG_LIMITS.length; i++) {
            if (workingDays <= BACKLOG_LIMITS[i]) {
                return i;
            }
        }
        return BACKLOG_LIMITS.length;
    }

    /**
     * The {@code p}-th quantile (0 to 1) of the values counted in {@code histogram} (value to how many times), by
     * linear interpolation between the two nearest ranks, as PostgreSQL's {@code percentile_cont}; null when empty.
     */
    static Double percentile(NavigableMap<Integer, Long> histogram, double p) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        long lower = (long) Math.floor(rank);
        int below = valueAt(histogram, lower);
        int above = valueAt(histogram, Math.min(lower + 1, n - 1));
        return below + (rank - lower) * (above - below);
    }

    /** The value at {@code index} (from 0) of the counted values in ascending order. */
    private static int valueAt(NavigableMap<Integer, Long> histogram, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen > index) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("No value " + index + " in " + histogram);
    }

    /** The counts of one row. */
    private static final class Tally {
        private final Map<Measure, NavigableMap<Integer, Long>> counts = new EnumMap<>(Measure.class);
        private final long[] backlog = new long[BACKLOG_LIMITS.length + 1];
        private final long[] grievanceBacklog = new long[BACKLOG_LIMITS.length + 1];

        void add(Measure measure, int bucket, long n) {
            counts.computeIfAbsent(measure, m -> new TreeMap<>()).merge(bucket, n, Long::sum);
        }

        void open(Measure measure, int ageBucket, long n) {
            add(measure, 0, n);
            (measure == OPEN ? backlog : grievanceBacklog)[ageBucket] += n;
        }

        long total(Measure measure) {
            return counts.getOrDefault(measure, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
        }

        long at(Measure measure, int bucket) {
            return counts.getOrDefault(measure, new TreeMap<>()).getOrDefault(bucket, 0L);
        }

        Double percentile(Measure measure, double p) {
            return Kpis.percentile(counts.getOrDefault(measure, new TreeMap<>()), p);
        }

        Row row(String level, String code, LocalizedName name, String mdaCode) {
            long decided = total(APPROVED) + total(REJECTED);
            long ratings = total(RATING);
            long ratingSum = counts.getOrDefault(RATING, new TreeMap<>()).entrySet().stream()
                    .mapToLong(e -> e.getKey() * e.getValue()).sum();
            List<Long> ratingCounts = List.of(at(RATING, 1), at(RATING, 2), at(RATING, 3), at(RATING, 4), at(RATING, 5));
            return new Row(level, code, name, mdaCode, total(RECEIVED), decided, total(APPROVED), total(REJECTED),
                    total(WITHDRAWN), total(CANCELLED), total(OPEN), Arrays.stream(backlog).boxed().toList(),
                    percentile(PROCESSING, 0.5), percentile(PROCESSING, 0.9), total(ON_TIME),
                    decided == 0 ? null : total(ON_TIME) / (double) decided, at(ESCALATIONS, 0), at(ESCALATIONS, 1),
                    at(ESCALATIONS, 2), total(RETURNS), total(INFORMATION_REQUESTS), ratings,
                    ratings == 0 ? null : ratingSum / (double) ratings, ratingCounts, total(GRIEVANCES),
                    total(GRIEVANCE_ANSWERED), percentile(GRIEVANCE_ANSWERED, 0.5), percentile(GRIEVANCE_ANSWERED, 0.9),
                    total(GRIEVANCE_ON_TIME), total(GRIEVANCE_OPEN), Arrays.stream(grievanceBacklog).boxed().toList(),
                    total(APPEALS));
        }
    }
}
