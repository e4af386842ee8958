package org.onedoor.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onedoor.catalogue.LocalizedName;

/**
 * The supervisors' dashboard for a period, as JSON and as CSV: the totals of the scope (every MDA, or one), then one
 * row per service, per MDA and per officer; what is open now by its age in working days; received and decided requests
 * over the period.
 *
 * @param mdaCode       the MDA shown, or null for every MDA
 * @param mdas          the MDAs this user may choose; {@code everyMda}: also all of them at once
 * @param today         the date in the service centre's zone ({@code onedoor.calendar.zone}), from which the page
 *                      counts its periods whatever the browser's zone
 * @param pending       changes committed but not yet counted (only while many arrive at once, e.g. after an upgrade)
 * @param backlogBuckets the age groups of {@link Row#backlog()} and {@link Row#grievanceBacklog()}, in working days
 *                      since received (an MDA: since it got the request; a grievance: since filed)
 */
record Dashboard(LocalDate from, LocalDate to, String mdaCode, boolean everyMda, List<Choice> mdas, Instant asOf,
        LocalDate today, long pending, List<String> backlogBuckets, Row total, List<Row> services, List<Row> mdaRows,
        List<Row> officers, Trend trend) {

    record Choice(String code, LocalizedName name) {
    }

    /**
     * The figures of one service, MDA or officer (or of the whole scope) over the period; {@code open} and
     * {@code backlog} as they stand now.
     *
     * @param level           {@code total}, {@code service}, {@code mda} or {@code officer}
     * @param mdaCode         the MDA of an officer
     * @param decided         approved and rejected
     * @param medianDays      of the decisions' processing times in working days, paused time excluded (as
     *                        PostgreSQL's {@code percentile_cont}); null without decisions
     * @param slaCompliance   on-time decisions per decision, 0 to 1
     * @param overdueNotices  late officers' tasks of which the supervising level was told
     * @param handedUp        late officers' tasks handed one level up
     * @param ratingCounts    how many ratings of 1, 2, 3, 4 and 5
     */
    record Row(String level, String code, LocalizedName name, String mdaCode, long received, long decided,
            long approved, long rejected, long withdrawn, long cancelled, long open, List<Long> backlog,
            Double medianDays, Double p90Days, long onTime, Double slaCompliance, long reminders, long overdueNotices,
            long handedUp, long returns, long informationRequests, long ratings, Double averageRating,
            List<Long> ratingCounts, long grievances, long grievancesAnswered, Double grievanceMedianDays,
            Double grievanceP90Days, long grievancesAnsweredOnTime, long grievancesOpen, List<Long> grievanceBacklog,
            long appeals) {
    }

    /** Received and decided requests per day or per month ({@code unit}) of the period. */
    record Trend(String unit, List<Point> points) {
    }

    /** {@code period}: 2026-06-01 for a day, 2026-06 for a month. */
    record Point(String period, long received, long approved, long rejected, long withdrawn) {
    }
}
