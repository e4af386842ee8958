package org.onedoor.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onedoor.system.OneDoorException;
import org.onedoor.system.OneDoorException.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's one-time codes. A code goes by SMS to the number given; who types it back owns the number. Sending is
 * limited per number (one code a minute, a few an hour) and per client address, also under a burst (the number's row
 * is locked while one is counted and sent); a code is spent after a few wrong tries, on use, or when it expires, and
 * a client that types many wrong codes is stopped. Every refusal of a code looks the same, and so does every refusal
 * to send one, so that the answers tell nothing about which numbers asked.
 */
@Service
class PortalCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PortalSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    PortalCodes(JdbcClient jdbc, PortalSettings settings, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** When the code sent expires, and when the next one may be asked for. */
    record Sent(Instant expiresAt, Instant nextCodeAt) {
    }

    /** The number as OneDoor keeps it (0, 1 and nine digits), from any of the ways Bangladeshis write it. */
    static Optional<String> number(String phone) {
        if (phone == null || !RequestValidator.PHONE.matcher(phone.trim()).matches()) {
            return Optional.empty();
        }
        String digits = phone.trim().replace("+", "");
        return Optional.of(digits.startsWith("880") ? digits.substring(2) : digits);
    }

    @Transactional
    Sent send(String phone, String language, String client) {
        String number = number(phone).orElseThrow(() -> new OneDoorException("request.invalid",
                HttpStatus.UNPROCESSABLE_ENTITY, "Not a mobile number.", List.of(new Violation("phone", "field.pattern",
                        "A Bangladeshi mobile number, for example 01712345678."))));
        lock(number);
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        Optional<Instant> last = jdbc.sql("select max(created_at) from portal_code where phone = ?").param(number)
                .query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
        if (last.isPresent() && last.get().plus(settings.codeInterval()).isAfter(now)
                || count("portal_code", "phone", number, "created_at", since) >= settings.codesPerNumber()
                || count("portal_code", "client", client, "created_at", since) >= settings.codesPerClient()) {
            throw new OneDoorException("portal.too-many-codes", HttpStatus.TOO_MANY_REQUESTS,
                    "A code cannot be sent just now; try again in a few minutes.");
        }
        String id = UUID.randomUUID().toString();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(settings.codeValidFor());
        jdbc.sql("""
                insert into portal_code (id, phone, code_hash, client, created_at, expires_at, attempts)
                values (?, ?, ?, ?, ?, ?, 0)""")
                .params(id, number, hash(id, code), client, Timestamp.from(now), Timestamp.from(expiresAt)).update();
        long minutes = settings.codeValidFor().toMinutes();
        String text = "bn".equals(language)
                ? "ওয়ান-ডোর: আপনার কোড " + code + "। এটি " + minutes + " মিনিট বৈধ। কাউকে জানাবেন না।"
                : "OneDoor: your code is " + code + ". It is valid for " + minutes + " minutes. Do not share it.";
        events.publishEvent(new PortalCodeIssued(id, number, "bn".equals(language) ? "bn" : "en", text));
        return new Sent(expiresAt, now.plus(settings.codeInterval()));
    }

    /**
     * The number the code proves; a wrong, spent or expired code is refused, and each wrong try counts, for the code
     * and for the client (which is stopped after {@code attempts} times the codes it may ask for, per window).
     */
    @Transactional(noRollbackFor = OneDoorException.class)
    String verify(String phone, String code, String client) {
        Instant now = clock.instant();
        if (count("portal_refusal", "client", client, "refused_at", now.minus(settings.window()))
                >= settings.attempts() * settings.codesPerClient()) {
            throw new OneDoorException("portal.too-many-tries", HttpStatus.TOO_MANY_REQUESTS,
                    "Too many wrong codes from here; try again later.");
        }
        String number = number(phone).orElseThrow(() -> refused(client, now));
        record Open(String id, String hash, int attempts) {
        }
        Open open = jdbc.sql("""
                select id, code_hash, attempts from portal_code
                where phone = ? and used_at is null and expires_at > ? order by created_at desc
                fetch first 1 rows only for update""")
                .params(number, Timestamp.from(now))
                .query((rs, i) -> new Open(rs.getString(1), rs.getString(2), rs.getInt(3))).optional()
                .orElseThrow(() -> refused(client, now));
        if (open.attempts() >= settings.attempts()) {
            throw refused(client, now);
        }
        if (code == null || !MessageDigest.isEqual(hash(open.id(), code.trim()).getBytes(StandardCharsets.US_ASCII),
                open.hash().getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("update portal_code set attempts = attempts + 1 where id = ?").param(open.id()).update();
            throw refused(client, now);
        }
        jdbc.sql("update portal_code set used_at = ? where id = ?").params(Timestamp.from(now), open.id()).update();
        return number;
    }

    /** How long a signed-in citizen may stay idle. */
    Duration sessionFor() {
        return settings.sessionFor();
    }

    /** Rows of {@code table} (ours, named here) for {@code value} since then. */
    private int count(String table, String column, String value, String at, Instant since) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ? and " + at + " > ?")
                .params(value, Timestamp.from(since)).query(Integer.class).single();
    }

    /**
     * Holds the number's row until the transaction ends, so that two requests for one number are counted one after
     * the other. The row is made in a transaction of its own: a second maker's duplicate then spoils nothing.
     */
    private void lock(String number) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.sql("insert into portal_number (phone) values (?)")
                    .param(number).update());
        } catch (DuplicateKeyException e) {
            // made before
        }
        jdbc.sql("select phone from portal_number where phone = ? for update").param(number).query(String.class).single();
    }

    private static String hash(String id, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((id + ':' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static OneDoorException tooMany(String message) {
        return new OneDoorException("portal.too-many-codes", HttpStatus.TOO_MANY_REQUESTS, message);
    }

    private OneDoorException refused(String client, Instant at) {
        jdbc.sql("insert into portal_refusal (client, refused_at) values (?, ?)").params(client, Timestamp.from(at))
                .update();
        return new OneDoorException("portal.code-refused", HttpStatus.UNAUTHORIZED,
                "This code is wrong, used or expired. Ask for a new one.");
    }
}
