package org.onedoor.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestNews;
import org.onedoor.system.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications outbox. A change the citizen hears of queues one message per channel they have (SMS to the
 * phone every filing gives, e-mail if they gave an address), worded in their language, in the transaction of the
 * change: a change rolled back sends nothing, and a change made is never left unsent. Any node sends: it claims a
 * batch for a while, and marks each message SENT (final) or schedules the next attempt, doubling the wait, until
 * the last attempt leaves it FAILED for an administrator to look at and resend. Its backlog, PENDING and FAILED
 * messages, is a gauge for Prometheus.
 */
@Service
public class Outbox implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_ERROR = 500;
    private static final String ENTRY = """
            select id, tracking_number, channel, recipient, status, attempts, created_at, next_attempt_at, sent_at,
              last_error, body
            from notification
            """;

    public enum Status { PENDING, SENT, FAILED }

    /**
     * A message to send; {@code id} is its message id, the same on every attempt. {@code claim} and
     * {@code claimedUntil} are this sender's hold on it.
     */
    public record Message(String id, String trackingNumber, NotificationChannel channel, String recipient,
            Language language, String subject, String body, int attempts, String claim, Instant claimedUntil) {
    }

    /** What an administrator sees of a message. */
    public record Entry(String id, String trackingNumber, NotificationChannel channel, String recipient,
            Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
            String body) {
    }

    private final JdbcClient jdbc;
    private final NotificationTemplates templates;
    private final NotificationSettings settings;
    private final CitizenMessages messages;
    private final ServiceCatalogue catalogue;
    private final Clock clock;

    Outbox(JdbcClient jdbc, NotificationTemplates templates, NotificationSettings settings, CitizenMessages messages,
            ServiceCatalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.settings = settings;
        this.messages = messages;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    private record Applicant(String phone, String email, Language language, String serviceCode) {
    }

    /** Called in the transaction that recorded the news as timeline entry {@code eventId}. */
    void queue(long eventId, RequestNews news) {
        // With both channels off (the default outside the demo), a change costs the outbox nothing.
        if (!templates.sent(news.kind()) || news.afterOutcome() || !settings.sms().on() && !settings.email().on()) {
            return;
        }
        Applicant applicant = jdbc.sql("""
                select applicant_phone, applicant_email, applicant_language, service_code from service_request
                where tracking_number = ?""")
                .param(news.trackingNumber())
                .query((rs, i) -> new Applicant(rs.getString(1), rs.getString(2), Language.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .single();
        Map<NotificationChannel, String> recipients = new LinkedHashMap<>();
        if (settings.sms().on()) {
            recipients.put(NotificationChannel.SMS, applicant.phone());
        }
        if (settings.email().on() && applicant.email() != null) {
            recipients.put(NotificationChannel.EMAIL, applicant.email());
        }
        if (recipients.isEmpty()) {
            return;
        }
        Language language = applicant.language();
        Map<String, String> values = Map.of(
                "trackingNumber", news.trackingNumber(),
                "service", catalogue.find(applicant.serviceCode()).map(ServiceDefinition::name).map(language::pick)
                        .orElse(applicant.serviceCode()),
                "news", messages.news(news.kind(), news.mdaCode(), news.facts(), language),
                "link", settings.trackingLink(news.trackingNumber(), null, language)
                        + (RATED.contains(news.kind()) ? "#feedback" : ""));
        Timestamp now = Timestamp.from(clock.instant());
        recipients.forEach((channel, recipient) -> {
            NotificationTemplates.Text text = templates.render(channel, language, values);
            jdbc.sql("""
                    insert into notification (id, tracking_number, event_id, channel, recipient, language, subject, body,
                      created_at, status, attempts, next_attempt_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
                    .params(UUID.randomUUID().toString(), news.trackingNumber(), eventId, channel.name(), recipient,
                            language.name(), text.subject(), text.body(), now, now)
                    .update();
        });
    }

    /** Each a count on the index the senders use ({@code notification_due}), at every scrape. */
    @Override
    public void bindTo(MeterRegistry meters) {
        for (Status status : List.of(Status.PENDING, Status.FAILED)) {
            Metrics.OUTBOX_MESSAGES.gauge(meters, () -> jdbc.sql("select count(*) from notification where status = ?")
                    .param(status.name()).query(Long.class).single(), Metrics.STATUS, status.name());
        }
    }

    /** Decisions the citizen is asked to rate: their link opens the tracking page at its feedback form. */
    static final Set<News> RATED = Set.of(News.APPROVED, News.REJECTED);

    /**
     * Up to {@code batch} due messages, held by this caller for {@code claimFor}. The claim is checked again on the
     * row itself, so two nodes never claim the same message at once; a sender whose claim has run out no longer
     * records anything for the message (see {@link #sent}), and does not start on one it could not finish in time
     * (the sender's part).
     */
    @Transactional
    public List<Message> claim() {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        Instant until = now.plus(settings.claimFor());
        int claimed = jdbc.sql("""
                update notification set claim = ?, claimed_until = ?
                where id in (select id from notification
                             where status = 'PENDING' and next_attempt_at <= ?
                               and (claimed_until is null or claimed_until < ?)
                             order by next_attempt_at fetch first ? rows only)
                  and status = 'PENDING' and (claimed_until is null or claimed_until < ?)""")
                .params(claim, Timestamp.from(until), Timestamp.from(now), Timestamp.from(now),
                        settings.batch(), Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("""
                select id, tracking_number, channel, recipient, language, subject, body, attempts from notification
                where claim = ? order by next_attempt_at""")
                .param(claim)
                .query((rs, i) -> new Message(rs.getString(1), rs.getString(2),
                        NotificationChannel.valueOf(rs.getString(3)), rs.getString(4),
                        Language.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8), claim,
                        until))
                .list();
    }

    /** Lets go of the messages of a claim not sent yet: the next look takes them. */
    @Transactional
    public void release(Message message) {
        jdbc.sql("update notification set claim = null, claimed_until = null where id = ? and claim = ?")
                .params(message.id(), message.claim())
                .update();
    }

    /** Recorded only while the sender still holds the message: a later claim's attempt is the one that counts. */
    @Transactional
    public void sent(Message message) {
        jdbc.sql("""
                update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1, claim = null,
                  claimed_until = null, last_error = null
                where id = ? and status = 'PENDING' and claim = ?""")
                .params(Timestamp.from(clock.instant()), message.id(), message.claim())
                .update();
    }

    /** The attempt failed: try again after a doubling wait, or stop at the last attempt. */
    @Transactional
    public void failed(Message message, String error) {
        int attempts = message.attempts() + 1;
        boolean last = attempts >= settings.maxAttempts();
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(settings.maxRetry()) > 0) {
            wait = settings.maxRetry();
        }
        String why = error == null ? "no reason given" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        jdbc.sql("""
                update notification set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claim = null,
                  claimed_until = null
                where id = ? and status = 'PENDING' and claim = ?""")
                .params(last ? "FAILED" : "PENDING", attempts, Timestamp.from(clock.instant().plus(wait)), why,
                        message.id(), message.claim())
                .update();
        if (last) {
            log.warn("{} message {} for {} failed {} times and waits for an administrator: {}", message.channel(),
                    message.id(), message.trackingNumber(), attempts, why);
        }
    }

    public List<Entry> list(Status status, String trackingNumber, int limit) {
        return jdbc.sql(ENTRY + """
                where (cast(? as varchar(8)) is null or status = ?)
                  and (cast(? as varchar(32)) is null or tracking_number = ?)
                order by created_at desc, id fetch first ? rows only""")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), trackingNumber,
                        trackingNumber, limit)
                .query(Outbox::entry)
                .list();
    }

    public Optional<Entry> find(String id) {
        return jdbc.sql(ENTRY + "where id = ?").param(id).query(Outbox::entry).optional();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString(1), rs.getString(2), NotificationChannel.valueOf(rs.getString(3)),
                rs.getString(4), Status.valueOf(rs.getString(5)), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                rs.getString(10), rs.getString(11));
    }

    /** A FAILED message goes out again, with the same message id and a fresh count of attempts. */
    @Transactional
    public boolean resend(String id) {
        return jdbc.sql("""
                update notification set status = 'PENDING', attempts = 0, next_attempt_at = ?, claim = null,
                  claimed_until = null
                where id = ? and status = 'FAILED'""")
                .params(Timestamp.from(clock.instant()), id)
                .update() == 1;
    }
}
