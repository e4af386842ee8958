package org.onedoor.documents;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents handed out, to officers and to citizens: streamed from the store, shown and never run, and each
 * download recorded ({@code document_download}: who or which citizen, when, which document).
 */
@Component
public class Downloads {

    private final DocumentStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    Downloads(DocumentStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A document of a request, by its digest; {@code issuedBy} is the MDA that issued it, or null for the applicant's. */
    public record Document(String trackingNumber, String name, String fileName, String mediaType, long size,
            String sha256, String issuedBy) {
    }

    /** One download as recorded. */
    public record Download(String name, String issuedBy, String downloadedBy, boolean citizen,
            java.time.Instant downloadedAt) {
    }

    /** The response that streams {@code document} to {@code who} (an officer's user id, or "citizen"), recorded. */
    public ResponseEntity<Resource> hand(Document document, String who, boolean citizen) {
        jdbc.sql("""
                insert into document_download (tracking_number, sha256, document_name, issued_by, downloaded_by, citizen,
                  downloaded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(document.trackingNumber(), document.sha256(), document.name(), document.issuedBy(), who,
                        citizen, Timestamp.from(clock.instant()))
                .update();
        MediaType type = MediaType.parseMediaType(document.mediaType());
        String name = document.fileName() != null ? document.fileName() : document.name() + switch (type.getSubtype()) {
            case "pdf" -> ".pdf";
            case "jpeg" -> ".jpg";
            case "png" -> ".png";
            default -> "";
        };
        // An ASCII name plainly (curl -J and older clients read only that form), any other also as RFC 5987.
        ContentDisposition disposition = StandardCharsets.US_ASCII.newEncoder().canEncode(name)
                ? ContentDisposition.inline().filename(name).build()
                : ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).contentLength(document.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                // Shown, never run or guessed at: intake and the MDA answers took only what their types allow.
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (!MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)) {
            // Chromium will not show a PDF under a sandbox policy; an image needs none of what it forbids.
            response.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        }
        return response.body(new InputStreamResource(store.open(document.sha256())));
    }

    /** The downloads of a request's documents, oldest first. */
    public List<Download> of(String trackingNumber) {
        return jdbc.sql("""
                select document_name, issued_by, downloaded_by, citizen, downloaded_at from document_download
                where tracking_number = ? order by id""")
                .param(trackingNumber)
                .query((rs, i) -> new Download(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The documents MDAs sent with their answers for a request (an issued licence, say), oldest first. */
    public List<Document> issued(String trackingNumber) {
        return jdbc.sql("""
                select d.name, d.media_type, d.size_bytes, d.sha256, r.mda_code from mda_answer_document d
                join mda_answer a on a.packet_id = d.packet_id
                join mda_delivery r on r.packet_id = a.request_packet_id
                where r.tracking_number = ? order by a.received_at, d.name""")
                .param(trackingNumber)
                .query((rs, i) -> new Document(trackingNumber, rs.getString(1), null, rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
