package org.onedoor.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.lifecycle.News;
import org.onedoor.lifecycle.RequestNews;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The citizen's history of a request: what happened and its facts, appended in the transaction of the change
 * that caused it (so it never shows a step that was rolled back), worded only when read. The news the citizen is
 * sent goes to the outbox in the same transaction.
 */
@Service
public class Timeline {

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Outbox outbox;

    Timeline(JdbcClient jdbc, ObjectMapper json, Outbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
    }

    /** One line; {@code actor} (the officer's user id) is kept for the record, never shown to the citizen. */
    public record Entry(Instant at, News kind, String mdaCode, Map<String, String> facts, boolean afterOutcome,
            String actor) {
    }

    @EventListener
    void record(RequestNews news) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into tracking_event (tracking_number, occurred_at, kind, mda_code, facts, after_outcome, actor)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(news.trackingNumber(), Timestamp.from(news.at()), news.kind().name(), news.mdaCode(),
                            json.writeValueAsString(news.facts()), news.afterOutcome(), news.actor())
                    .update(key, "id");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts are plain strings", e);
        }
        outbox.queue(key.getKeyAs(Number.class).longValue(), news);
    }

    public List<Entry> entries(String trackingNumber) {
        return jdbc.sql("""
                select occurred_at, kind, mda_code, facts, after_outcome, actor from tracking_event
                where tracking_number = ? order by id""")
                .param(trackingNumber)
                .query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), News.valueOf(rs.getString(2)),
                        rs.getString(3), facts(rs.getString(4)), rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    private Map<String, String> facts(String text) {
        try {
            return json.readValue(text, FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tracking_event.facts is written as JSON here", e);
        }
    }
}
