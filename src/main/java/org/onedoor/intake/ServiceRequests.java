package org.onedoor.intake;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onedoor.system.OneDoorException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake record of every request: who filed what, when, and which documents came with it. */
@Repository
public class ServiceRequests {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ServiceRequests(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What the tracking page and the back office may read of a request. */
    public record FiledRequest(String trackingNumber, String serviceCode, String applicantName, Instant receivedAt,
            LocalDate expectedBy, String trackingCodeHash, String priority) {

        /** True if the citizen's tracking code is the one printed on this request's receipt. */
        public boolean codeMatches(String trackingCode) {
            return TrackingCodes.matches(trackingCode, trackingCodeHash);
        }
    }

    /** A document as intake received it: its kind, the applicant's file name, its detected type, size and digest. */
    public record ReceivedDocument(String kind, String fileName, String mediaType, long size, String sha256) {
    }

    /** {@code releasedAt}: null for a request that waits for its payment before it is worked. */
    void insert(String trackingNumber, String trackingCodeHash, IntakeRequest request, String formJson,
            Instant receivedAt, LocalDate expectedBy, String receivedBy, String channel, Instant releasedAt) {
        var a = request.applicant();
        jdbc.sql("""
                insert into service_request (tracking_number, tracking_code_hash, service_code, applicant_name,
                  applicant_national_id, applicant_phone, applicant_email, applicant_district, form_data,
                  received_at, expected_by, received_by, priority, applicant_language, channel, released_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(trackingNumber, trackingCodeHash, request.serviceCode(), a.name().trim(), a.nationalId(),
                        a.phone(), blankToNull(a.email()), a.district().trim(), formJson, Timestamp.from(receivedAt),
                        expectedBy, receivedBy, request.priority(), a.language() == null ? "bn" : a.language(),
                        channel, releasedAt == null ? null : Timestamp.from(releasedAt))
                .update();
    }

    /** How many requests {@code receivedBy} filed since then. */
    int filedBy(String receivedBy, Instant since) {
        return jdbc.sql("select count(*) from service_request where received_by = ? and received_at > ?")
                .params(receivedBy, Timestamp.from(since)).query(Integer.class).single();
    }

    /** A request whose fee is not recorded yet, as its payment needs it; {@code waiting}: not released until paid. */
    record Unpaid(String serviceCode, String applicantName, String priority, LocalDate expectedBy, boolean waiting,
            Map<String, Object> fields, List<String> documentKinds) {
    }

    /**
     * The request, as its payment needs it: 404 for an unknown number, 409 if its fee has been recorded before. Not
     * locked (a lock here, before the lifecycle's, could deadlock with a change that takes them the other way round):
     * of two payments at once, the payment's key lets one through.
     */
    Unpaid unpaid(String trackingNumber) {
        Unpaid unpaid = (TrackingNumbers.isValid(trackingNumber) ? jdbc.sql("""
                select service_code, applicant_name, priority, expected_by, released_at is null, form_data
                from service_request where tracking_number = ?""")
                .param(trackingNumber)
                .query((rs, i) -> new Unpaid(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5), parse(rs.getString(6)),
                        documents(trackingNumber).stream().map(ReceivedDocument::kind).toList()))
                .optional() : Optional.<Unpaid>empty())
                .orElseThrow(() -> new OneDoorException("tracking.unknown", HttpStatus.NOT_FOUND,
                        "No request has the tracking number '" + trackingNumber + "'."));
        if (jdbc.sql("select count(*) from payment where tracking_number = ?").param(trackingNumber)
                .query(Integer.class).single() > 0) {
            throw alreadyPaid(trackingNumber);
        }
        return unpaid;
    }

    private static OneDoorException alreadyPaid(String trackingNumber) {
        return new OneDoorException("payment.already-recorded", HttpStatus.CONFLICT,
                "The fee of " + trackingNumber + " has been paid before.");
    }

    /** The request waited for its payment: it is worked from now, and due {@code expectedBy}. */
    void release(String trackingNumber, Instant at, LocalDate expectedBy) {
        jdbc.sql("update service_request set released_at = ?, expected_by = ? where tracking_number = ?")
                .params(Timestamp.from(at), expectedBy, trackingNumber).update();
    }

    /** A reference already used is refused: the same payment never pays for two requests. */
    void insertPayment(String trackingNumber, IntakeRequest.Payment payment, String currency, Instant at, String by) {
        try {
            jdbc.sql("""
                    insert into payment (tracking_number, method, reference, amount, currency, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(trackingNumber, payment.method(), payment.reference(), payment.amount(), currency,
                            Timestamp.from(at), by)
                    .update();
        } catch (DuplicateKeyException e) {
            // Which key: the reference's, or the request's own (a payment recorded at the same moment).
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("payment_reference_once")) {
                throw new OneDoorException("payment.reference-used", HttpStatus.CONFLICT, "The " + payment.method()
                        + " reference '" + payment.reference() + "' has already paid for another request.");
            }
            throw alreadyPaid(trackingNumber);
        }
    }

    /** A fee paid: how, how much, when. The reference stays with the counter. */
    public record PaidFee(String method, BigDecimal amount, String currency, Instant paidAt) {
    }

    public Optional<PaidFee> payment(String trackingNumber) {
        return jdbc.sql("select method, amount, currency, recorded_at from payment where tracking_number = ?")
                .param(trackingNumber)
                .query((rs, i) -> new PaidFee(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void insertDocument(String trackingNumber, ReceivedDocument d) {
        jdbc.sql("""
                insert into request_document (tracking_number, kind, file_name, media_type, size_bytes, sha256)
                values (?, ?, ?, ?, ?, ?)""")
                .params(trackingNumber, d.kind(), d.fileName(), d.mediaType(), d.size(), d.sha256())
                .update();
    }

    /** The request, if the number is one: a mistyped number fails its check digit before any query. */
    public Optional<FiledRequest> find(String trackingNumber) {
        if (!TrackingNumbers.isValid(trackingNumber)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select tracking_number, service_code, applicant_name, received_at, expected_by, tracking_code_hash,
                  priority
                from service_request where tracking_number = ?""")
                .param(trackingNumber)
                .query((rs, i) -> new FiledRequest(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    /** What an MDA needs to act on the request: the applicant and the form as filed, for the request packet. */
    public Map<String, Object> particulars(String trackingNumber) {
        return jdbc.sql("""
                select applicant_name, applicant_national_id, applicant_phone, applicant_email, applicant_district,
                  form_data, expected_by from service_request where tracking_number = ?""")
                .param(trackingNumber)
                .query((rs, i) -> {
                    Map<String, Object> applicant = new LinkedHashMap<>();
                    applicant.put("name", rs.getString(1));
                    applicant.put("nationalId", rs.getString(2));
                    applicant.put("phone", rs.getString(3));
                    if (rs.getString(4) != null) {
                        applicant.put("email", rs.getString(4));
                    }
                    applicant.put("district", rs.getString(5));
                    Map<String, Object> particulars = new LinkedHashMap<>();
                    particulars.put("applicant", applicant);
                    particulars.put("form", parse(rs.getString(6)));
                    particulars.put("expectedCompletion", rs.getObject(7, LocalDate.class).toString());
                    return particulars;
                })
                .single();
    }

    /** The form as intake typed it: whole numbers as Long, as the process got them when the request was filed. */
    private Map<String, Object> parse(String formJson) {
        try {
            return json.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { })
                    .with(DeserializationFeature.USE_LONG_FOR_INTS).readValue(formJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form_data is written by intake as JSON", e);
        }
    }

    public List<ReceivedDocument> documents(String trackingNumber) {
        return jdbc.sql("""
                select kind, file_name, media_type, size_bytes, sha256 from request_document
                where tracking_number = ? order by kind""")
                .param(trackingNumber)
                .query((rs, i) -> new ReceivedDocument(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5)))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
