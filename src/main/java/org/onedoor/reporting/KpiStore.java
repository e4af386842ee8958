package org.onedoor.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.reporting.Facts.Fact;
import org.onedoor.reporting.KpiFacts.Counted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of the KPI tables: {@code kpi_dirty} (requests to count again), {@code kpi_request} (what each
 * request adds, as last counted), {@code kpi_count} (the totals per day and per month) and {@code kpi_refresh} (the
 * refresh's lock and how far its sweeps looked). Only the refresh writes the totals, one at a time on all nodes.
 */
@Repository
class KpiStore {

    static final String DAY = "D";
    static final String MONTH = "M";
    private static final String CURRENT = "measure in ('" + Measure.OPEN + "', '" + Measure.GRIEVANCE_OPEN + "')";

    /** A request marked for counting again. */
    record Dirty(long id, String trackingNumber) {
    }

    /** A total's key: the period (a day or a month), the service, the MDA, the officer, the measure and the bucket. */
    record CountKey(String grain, LocalDate periodStart, String serviceCode, String mdaCode, String officer,
            Measure measure, int bucket) {
    }

    /** A sum of totals over a period. */
    record Sum(String serviceCode, String mdaCode, String officer, Measure measure, int bucket, long n) {
    }

    /** A sum of totals per day or month ({@code periodStart}), for the trend. */
    record Dated(LocalDate periodStart, Measure measure, long n) {
    }

    /** What is open now, by the day it was received. */
    record Open(LocalDate day, String serviceCode, String mdaCode, Measure measure, long n) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    KpiStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    // ---- marking

    void mark(String trackingNumber, Instant at) {
        jdbc.sql("insert into kpi_dirty (tracking_number, marked_at) values (?, ?)")
                .params(trackingNumber, Timestamp.from(at)).update();
    }

    int markAll(Instant at) {
        return jdbc.sql("insert into kpi_dirty (tracking_number, marked_at) select tracking_number, ? from service_request")
                .param(Timestamp.from(at)).update();
    }

    /** The requests whose counted working-day intervals include {@code day}. */
    int markSpanning(LocalDate day, Instant at) {
        return jdbc.sql("""
                insert into kpi_dirty (tracking_number, marked_at) select tracking_number, ? from kpi_request
                where counted_from <= ? and (counted_to is null or counted_to >= ?)""")
                .params(Timestamp.from(at), day, day).update();
    }

    long pending() {
        return jdbc.sql("select count(*) from kpi_dirty").query(Long.class).single();
    }

    // ---- the refresh

    /** Takes the refresh's lock until the transaction ends; returns where the sweeps stopped. */
    Instant lock() {
        return jdbc.sql("select swept_to from kpi_refresh where id = 1 for update")
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
    }

    /**
     * Marks the requests with escalation steps or ratings since {@code since} whose count or rating differs from what
     * was counted: the two changes that are no news on the request's timeline.
     */
    int sweep(Instant since, Instant now) {
        Timestamp from = Timestamp.from(since);
        Timestamp at = Timestamp.from(now);
        int marked = jdbc.sql("""
                insert into kpi_dirty (tracking_number, marked_at)
                select distinct e.tracking_number, ? from task_escalation e where e.taken_at >= ? and not exists (
                  select 1 from kpi_request k where k.tracking_number = e.tracking_number
                  and k.escalations = (select count(*) from task_escalation x where x.tracking_number = e.tracking_number))""")
                .params(at, from).update();
        marked += jdbc.sql("""
                insert into kpi_dirty (tracking_number, marked_at)
                select f.tracking_number, ? from feedback f where f.given_at >= ? and not exists (
                  select 1 from kpi_request k where k.tracking_number = f.tracking_number and k.rating = f.rating)""")
                .params(at, from).update();
        jdbc.sql("update kpi_refresh set swept_to = ? where id = 1").param(at).update();
        return marked;
    }

    List<Dirty> dirty(int limit) {
        return jdbc.sql("select id, tracking_number from kpi_dirty order by id fetch first ? rows only").param(limit)
                .query((rs, i) -> new Dirty(rs.getLong(1), rs.getString(2))).list();
    }

    void forget(List<Dirty> counted) {
        batches.batchUpdate("delete from kpi_dirty where id = ?", counted.stream().map(d -> new Object[] {d.id()}).toList());
    }

    /** What each of the requests added when last counted. */
    Map<String, Counted> counted(Collection<String> trackingNumbers) {
        if (trackingNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Counted> counted = new HashMap<>();
        jdbc.sql("select tracking_number, service_code, facts, escalations, rating, counted_from, counted_to"
                + " from kpi_request where tracking_number in (" + String.join(", ",
                        Collections.nCopies(trackingNumbers.size(), "?")) + ")")
                .params(List.copyOf(trackingNumbers))
                .query(rs -> {
                    counted.put(rs.getString(1), new Counted(rs.getString(1), rs.getString(2), Facts.read(rs.getString(3)),
                            rs.getInt(4), (Integer) rs.getObject(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class)));
                });
        return counted;
    }

    void save(Collection<Counted> fresh, Collection<String> existing, Instant at) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Counted c : fresh) {
            Object[] row = {c.serviceCode(), c.facts().write(), c.escalations(), c.rating(), c.countedFrom(),
                    c.countedTo(), Timestamp.from(at), c.trackingNumber()};
            (existing.contains(c.trackingNumber()) ? updates : inserts).add(row);
        }
        batches.batchUpdate("update kpi_request set service_code = ?, facts = ?, escalations = ?, rating = ?,"
                + " counted_from = ?, counted_to = ?, counted_at = ? where tracking_number = ?", updates);
        batches.batchUpdate("insert into kpi_request (service_code, facts, escalations, rating, counted_from, counted_to,"
                + " counted_at, tracking_number) values (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    }

    /** Adds the differences to the totals, of the day and of the month (what is open now: of the day only). */
    void apply(Map<CountKey, Long> deltas) {
        List<CountKey> keys = new ArrayList<>(deltas.keySet());
        List<Object[]> updates = keys.stream().map(k -> row(deltas.get(k), k)).toList();
        int[] updated = batches.batchUpdate("update kpi_count set n = n + ? where grain = ? and period_start = ?"
                + " and service_code = ? and mda_code = ? and officer = ? and measure = ? and bucket = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            CountKey key = keys.get(i);
            if (updated[i] == 0) {
                inserts.add(row(deltas.get(key), key));
            } else if (deltas.get(key) < 0) {
                emptied.add(row(null, key));
            }
        }
        batches.batchUpdate("insert into kpi_count (n, grain, period_start, service_code, mda_code, officer, measure,"
                + " bucket) values (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        batches.batchUpdate("delete from kpi_count where n = 0 and grain = ? and period_start = ? and service_code = ?"
                + " and mda_code = ? and officer = ? and measure = ? and bucket = ?", emptied);
    }

    /** The keys a request's fact counts under. */
    static List<CountKey> keys(String serviceCode, Fact fact) {
        CountKey day = new CountKey(DAY, fact.day(), serviceCode, fact.mdaCode(), fact.officer(), fact.measure(),
                fact.bucket());
        return fact.measure().current() ? List.of(day) : List.of(day, new CountKey(MONTH, fact.day().withDayOfMonth(1),
                serviceCode, fact.mdaCode(), fact.officer(), fact.measure(), fact.bucket()));
    }

    private static Object[] row(Long n, CountKey k) {
        Object[] key = {k.grain(), k.periodStart(), k.serviceCode(), k.mdaCode(), k.officer(), k.measure().name(),
                k.bucket()};
        if (n == null) {
            return key;
        }
        Object[] row = new Object[key.length + 1];
        row[0] = n;
        System.arraycopy(key, 0, row, 1, key.length);
        return row;
    }

    // ---- reading

    /**
     * The totals of {@code from} to {@code to} (inclusive) per service, MDA, officer, measure and bucket, of one MDA's
     * rows or of all: whole months from the monthly totals, the days around them from the daily ones.
     */
    List<Sum> sums(LocalDate from, LocalDate to, String mdaCode) {
        Period p = Period.of(from, to);
        return jdbc.sql("select service_code, mda_code, officer, measure, bucket, sum(n) from kpi_count where "
                        + p.where() + " and not " + CURRENT + (mdaCode == null ? "" : " and mda_code = ?")
                        + " group by service_code, mda_code, officer, measure, bucket")
                .params(p.params(mdaCode))
                .query((rs, i) -> new Sum(rs.getString(1), rs.getString(2), rs.getString(3),
                        Measure.valueOf(rs.getString(4)), rs.getInt(5), rs.getLong(6)))
                .list();
    }

    /**
     * The totals of {@code measures} of one MDA's own rows ({@code ""}: whole requests) per day, or per month (the days
     * of a month not wholly in the period are given as days too).
     */
    List<Dated> trend(LocalDate from, LocalDate to, String mdaCode, boolean byDay, Collection<Measure> measures) {
        Period p = byDay ? Period.days(from, to) : Period.of(from, to);
        List<Object> params = new ArrayList<>(p.params(mdaCode));
        measures.forEach(m -> params.add(m.name()));
        return jdbc.sql("select period_start, measure, sum(n) from kpi_count where " + p.where()
                        + " and mda_code = ? and officer = '' and measure in ("
                        + String.join(", ", Collections.nCopies(measures.size(), "?")) + ")"
                        + " group by period_start, measure")
                .params(params)
                .query((rs, i) -> new Dated(rs.getObject(1, LocalDate.class), Measure.valueOf(rs.getString(2)),
                        rs.getLong(3)))
                .list();
    }

    /** What is open now, per day received, service and MDA, of one MDA's rows or of all. */
    List<Open> open(String mdaCode) {
        return jdbc.sql("select period_start, service_code, mda_code, measure, sum(n) from kpi_count where " + CURRENT
                        + " and n <> 0" + (mdaCode == null ? "" : " and mda_code = ?")
                        + " group by period_start, service_code, mda_code, measure")
                .params(mdaCode == null ? List.of() : List.of(mdaCode))
                .query((rs, i) -> new Open(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        Measure.valueOf(rs.getString(4)), rs.getLong(5)))
                .list();
    }

    /**
     * A period as the totals hold it: the whole months in it (monthly rows, from {@code months} up to
     * {@code monthsEnd}, exclusive) and the days before and after them (daily rows).
     */
    private record Period(LocalDate from, LocalDate months, LocalDate monthsEnd, LocalDate to) {

        static Period of(LocalDate from, LocalDate to) {
            LocalDate months = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate end = to.plusDays(1).withDayOfMonth(1);
            return months.isBefore(end) ? new Period(from, months, end, to) : days(from, to);
        }

        static Period days(LocalDate from, LocalDate to) {
            return new Period(from, to.plusDays(1), to.plusDays(1), to);
        }

        String where() {
            return "((grain = 'M' and period_start >= ? and period_start < ?)"
                    + " or (grain = 'D' and period_start >= ? and period_start < ?)"
                    + " or (grain = 'D' and period_start >= ? and period_start <= ?))";
        }

        List<Object> params(String mdaCode) {
            List<Object> params = new ArrayList<>(List.of(months, monthsEnd, from, months, monthsEnd, to));
            if (mdaCode != null) {
                params.add(mdaCode);
            }
            return params;
        }
    }
}
