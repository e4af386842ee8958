package org.onedoor.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onedoor.lifecycle.Lifecycle;
import org.onedoor.lifecycle.RequestState;
import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's rating of a decided request (approved or rejected): 1 to 5 and an optional comment, one per
 * request, which the citizen may change for 30 days after first giving it. It counts for the MDAs that took part
 * and the officers who decided (the KPIs join it to the request's legs).
 */
@Service
@Transactional
public class Feedback {

    static final Duration CHANGEABLE_FOR = Duration.ofDays(30);
    private static final int MAX_COMMENT = 2000;

    /** A rating as given; {@code changeableUntil} is when it becomes final. */
    public record Rating(int rating, String comment, Instant givenAt, Instant changeableUntil) {
    }

    private final JdbcClient jdbc;
    private final Lifecycle lifecycle;
    private final Clock clock;

    Feedback(JdbcClient jdbc, Lifecycle lifecycle, Clock clock) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public Rating rate(String trackingNumber, Integer rating, String comment) {
        RequestState state = lifecycle.state(trackingNumber).orElseThrow();
        if (state != RequestState.APPROVED && state != RequestState.REJECTED) {
            throw new OneDoorException("feedback.not-decided", HttpStatus.CONFLICT,
                    "The service can be rated once the request is decided.");
        }
        List<Violation> violations = new ArrayList<>();
        if (rating == null || rating < 1 || rating > 5) {
            violations.add(new Violation("rating", "field.range", "A rating from 1 to 5."));
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (text != null && text.length() > MAX_COMMENT) {
            violations.add(new Violation("comment", "field.too-long", "At most " + MAX_COMMENT + " characters."));
        }
        if (!violations.isEmpty()) {
            throw new OneDoorException("request.invalid", HttpStatus.UNPROCESSABLE_ENTITY,
                    "The rating has " + violations.size() + " problem(s); see errors.", violations);
        }
        Instant now = clock.instant();
        Optional<Instant> first = jdbc.sql("select first_given_at from feedback where tracking_number = ? for update")
                .param(trackingNumber).query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
        if (first.isPresent()) {
            if (now.isAfter(first.get().plus(CHANGEABLE_FOR))) {
                throw new OneDoorException("feedback.final", HttpStatus.CONFLICT,
                        "A rating can be changed for 30 days; this one is final.");
            }
            jdbc.sql("update feedback set rating = ?, comment = ?, given_at = ? where tracking_number = ?")
                    .params(rating, text, Timestamp.from(now), trackingNumber).update();
        } else {
            try {
                jdbc.sql("""
                        insert into feedback (tracking_number, rating, comment, first_given_at, given_at)
                        values (?, ?, ?, ?, ?)""")
                        .params(trackingNumber, rating, text, Timestamp.from(now), Timestamp.from(now)).update();
            } catch (DuplicateKeyException e) {
                throw new OneDoorException("feedback.concurrent", HttpStatus.CONFLICT,
                        "The service was rated at the same moment elsewhere; look again, then change it if you wish.");
            }
        }
        return find(trackingNumber).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Rating> find(String trackingNumber) {
        return jdbc.sql("select rating, comment, given_at, first_given_at from feedback where tracking_number = ?")
                .param(trackingNumber)
                .query((rs, i) -> new Rating(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant().plus(CHANGEABLE_FOR)))
                .optional();
    }
}
