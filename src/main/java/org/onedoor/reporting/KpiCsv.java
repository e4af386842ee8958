package org.onedoor.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onedoor.reporting.Dashboard.Row;

/**
 * The dashboard's rows as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read Bangla names): one line
 * for the totals, then one per service, MDA and officer, every figure in a column of its own. A text that a
 * spreadsheet would take for a formula is prefixed with an apostrophe.
 */
final class KpiCsv {

    static final List<String> COLUMNS = List.of("level", "mda", "code", "name", "received", "decided", "approved",
            "rejected", "withdrawn", "cancelled", "open", "open_0_5_days", "open_6_10_days", "open_11_20_days",
            "open_21_30_days", "open_31_60_days", "open_over_60_days", "median_working_days", "p90_working_days",
            "on_time", "sla_compliance_percent", "reminders", "overdue_notices", "handed_up", "returns",
            "information_requests", "ratings", "average_rating", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5",
            "grievances", "grievances_answered", "grievance_median_working_days", "grievance_p90_working_days",
            "grievances_answered_on_time", "grievances_open", "grievances_open_0_5_days", "grievances_open_6_10_days",
            "grievances_open_11_20_days", "grievances_open_21_30_days", "grievances_open_31_60_days",
            "grievances_open_over_60_days", "appeals");

    private KpiCsv() {
    }

    static String write(Dashboard dashboard, boolean bangla) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, COLUMNS);
        List<Row> rows = new ArrayList<>();
        rows.add(dashboard.total());
        rows.addAll(dashboard.services());
        rows.addAll(dashboard.mdaRows());
        rows.addAll(dashboard.officers());
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.level(), text(r.mdaCode()), text(r.code()),
                    r.name() == null ? "" : bangla ? r.name().bn() : r.name().en()));
            for (long n : new long[] {r.received(), r.decided(), r.approved(), r.rejected(), r.withdrawn(),
                    r.cancelled(), r.open()}) {
                cells.add(Long.toString(n));
            }
            r.backlog().forEach(n -> cells.add(n.toString()));
            cells.add(number(r.medianDays()));
            cells.add(number(r.p90Days()));
            cells.add(Long.toString(r.onTime()));
            cells.add(number(r.slaCompliance() == null ? null : r.slaCompliance() * 100));
            for (long n : new long[] {r.reminders(), r.overdueNotices(), r.handedUp(), r.returns(),
                    r.informationRequests(), r.ratings()}) {
                cells.add(Long.toString(n));
            }
            cells.add(number(r.averageRating()));
            r.ratingCounts().forEach(n -> cells.add(n.toString()));
            cells.add(Long.toString(r.grievances()));
            cells.add(Long.toString(r.grievancesAnswered()));
            cells.add(number(r.grievanceMedianDays()));
            cells.add(number(r.grievanceP90Days()));
            cells.add(Long.toString(r.grievancesAnsweredOnTime()));
            cells.add(Long.toString(r.grievancesOpen()));
            r.grievanceBacklog().forEach(n -> cells.add(n.toString()));
            cells.add(Long.toString(r.appeals()));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Up to two decimals, with a point whatever the server's locale; empty when there is nothing to measure. */
    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceFirst("\\.?0+$", "");
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
