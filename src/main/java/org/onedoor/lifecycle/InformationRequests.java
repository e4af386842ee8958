package org.onedoor.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.onedoor.lifecycle.InformationRequest.AnsweredDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one writer of {@code information_request} and {@code information_document}. */
@Repository
class InformationRequests {

    private static final String COLUMNS = """
            select id, tracking_number, mda_code, asked_by, asked_at, question, documents, answered_at, answer,
              ended_at, end_reason from information_request""";

    private final JdbcClient jdbc;

    InformationRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, String trackingNumber, String mdaCode, String askedBy, Instant at, String question,
            List<String> documents, LegState resumesTo) {
        jdbc.sql("""
                insert into information_request (id, tracking_number, mda_code, asked_by, asked_at, question, documents,
                  resumes_to) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, trackingNumber, mdaCode, askedBy, Timestamp.from(at), question, String.join(",", documents),
                        resumesTo.name())
                .update();
    }

    Optional<InformationRequest> open(String trackingNumber, String mdaCode) {
        return jdbc.sql(COLUMNS + " where tracking_number = ? and mda_code = ? and ended_at is null")
                .params(trackingNumber, mdaCode).query((rs, i) -> row(rs)).optional();
    }

    List<InformationRequest> all(String trackingNumber) {
        return jdbc.sql(COLUMNS + " where tracking_number = ? order by asked_at").param(trackingNumber)
                .query((rs, i) -> row(rs)).list();
    }

    Optional<InformationRequest> find(String id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query((rs, i) -> row(rs)).optional();
    }

    LegState resumesTo(String id) {
        return LegState.valueOf(jdbc.sql("select resumes_to from information_request where id = ?").param(id)
                .query(String.class).single());
    }

    void answer(String id, String answer, String by, Instant at, List<AnsweredDocument> documents) {
        jdbc.sql("""
                update information_request set answered_at = ?, answered_by = ?, answer = ?, ended_at = ?,
                  end_reason = 'answered' where id = ? and ended_at is null""")
                .params(Timestamp.from(at), by, answer, Timestamp.from(at), id).update();
        for (AnsweredDocument d : documents) {
            jdbc.sql("""
                    insert into information_document (request_id, kind, file_name, media_type, size_bytes, sha256)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, d.kind(), d.fileName(), d.mediaType(), d.size(), d.sha256()).update();
        }
    }

    void close(String id, String reason, Instant at) {
        jdbc.sql("update information_request set ended_at = ?, end_reason = ? where id = ? and ended_at is null")
                .params(Timestamp.from(at), reason, id).update();
    }

    List<AnsweredDocument> documents(String id) {
        return jdbc.sql("""
                select kind, file_name, media_type, size_bytes, sha256 from information_document
                where request_id = ? order by kind""")
                .param(id)
                .query((rs, i) -> new AnsweredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))
                .list();
    }

    private static InformationRequest row(ResultSet rs) throws SQLException {
        String documents = rs.getString(7);
        return new InformationRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6),
                documents.isEmpty() ? List.of() : Arrays.asList(documents.split(",")),
                instant(rs.getTimestamp(8)), rs.getString(9), instant(rs.getTimestamp(10)), rs.getString(11));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
