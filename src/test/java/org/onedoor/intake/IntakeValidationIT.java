package org.onedoor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/** Every kind of bad filing gets its code and the path of what is wrong, and leaves no row anywhere. */
@DemoIntegrationTest
class IntakeValidationIT {

    private static final String VALID = """
            {"serviceCode": "social-safety-net-allowance",
             "applicant": {"name": "Abdul Karim", "nationalId": "1944123456789", "phone": "01812345678",
                           "district": "Rangpur"},
             "fields": {"allowanceType": "old-age", "dateOfBirth": "1954-03-01", "monthlyIncome": 1500}}""";

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    OneDoorClient client;

    @BeforeEach
    void client() {
        client = new OneDoorClient(http);
    }

    private static Map<String, byte[]> documents() {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("national-id", PDF);
        documents.put("photo", PNG);
        documents.put("income-certificate", PDF);
        return documents;
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("service_request", "request_document", "document_content", "request_lifecycle", "payment")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        // Only intake writes these; the job executor may be adding other rows for earlier requests meanwhile.
        counts.put("receipts", jdbc.sql("select count(*) from message_log where party = 'applicant' and packet_type = 'receipt'")
                .query(Long.class).single());
        counts.put("tracking_event", jdbc.sql("select count(*) from tracking_event where kind = 'RECEIVED'")
                .query(Long.class).single());
        counts.put("process instances", jdbc.sql("select count(*) from ACT_HI_PROCINST where SUPER_PROCESS_INSTANCE_ID_ is null")
                .query(Long.class).single());
        return counts;
    }

    /** Files the parts, expects the status and code, and checks that nothing was stored. */
    private JsonNode rejected(MultiValueMap<String, Object> parts, int status, String code) {
        Map<String, Long> before = rows();
        ResponseEntity<JsonNode> response = client.file("frontdesk", parts);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().path("code").asText()).isEqualTo(code);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at org.");
        assertThat(rows()).isEqualTo(before);
        return response.getBody();
    }

    private JsonNode invalid(String requestJson, Map<String, byte[]> documents, String path, String code) {
        JsonNode body = rejected(OneDoorClient.filing(requestJson, documents), 422, "request.invalid");
        assertThat(body.path("errors").toString()).contains("\"path\":\"" + path + "\"", "\"code\":\"" + code + "\"");
        return body;
    }

    @Test
    void theValidFilingIsAccepted() {
        Map<String, Long> before = rows();
        assertThat(client.file("frontdesk", OneDoorClient.filing(VALID, documents())).getStatusCode().value()).isEqualTo(201);
        assertThat(rows().get("service_request")).isEqualTo(before.get("service_request") + 1);
    }

    /**
     * The land mutation example (fee 1 150 BDT; its MDAs work in Tasklist, so no ministry system adds documents while
     * a test counts them) with the payment given, as {@code "payment": {...}}, or none.
     */
    private static MultiValueMap<String, Object> landMutation(String payment) {
        try {
            Path folder = Path.of("docs/examples/land-mutation");
            String request = Files.readString(folder.resolve("request.json")).trim();
            if (payment != null) {
                request = request.substring(0, request.length() - 1) + ", \"payment\": " + payment + "}";
            }
            Map<String, byte[]> documents = new LinkedHashMap<>();
            for (String kind : List.of("national-id", "deed", "khatian")) {
                documents.put(kind, Files.readAllBytes(folder.resolve(kind + ".pdf")));
            }
            return OneDoorClient.filing(request, documents);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFeeIsRecordedOnceAtItsAmount() {
        String reference = "CTR-" + System.nanoTime();
        ResponseEntity<JsonNode> paid = client.file("frontdesk", landMutation(
                "{\"method\": \"cash\", \"reference\": \"" + reference + "\", \"amount\": 1150}"));
        assertThat(paid.getStatusCode().value()).as(String.valueOf(paid.getBody())).isEqualTo(201);
        JsonNode payment = OneDoorClient.manifestOf(paid.getBody().path("receipt")).path("payload").path("payment");
        assertThat(payment.path("method").asText()).isEqualTo("cash");
        assertThat(payment.path("reference").asText()).isEqualTo(reference);
        assertThat(payment.path("amount").decimalValue()).isEqualByComparingTo("1150");
        assertThat(payment.path("currency").asText()).isEqualTo("BDT");

        rejected(landMutation("{\"method\": \"mobile\", \"reference\": \"" + reference + "-2\", \"amount\": 1500}"),
                422, "request.invalid");
        JsonNode mismatch = rejected(landMutation(
                "{\"method\": \"cash\", \"reference\": \"" + reference + "-3\", \"amount\": 20000}"), 422,
                "request.invalid");
        assertThat(mismatch.path("errors").toString()).contains("\"path\":\"payment.amount\"",
                "\"code\":\"payment.amount-mismatch\"", "1150");
        JsonNode cheque = rejected(landMutation(
                "{\"method\": \"cheque\", \"reference\": \"x\", \"amount\": 1150}"), 422, "request.invalid");
        assertThat(cheque.path("errors").toString()).contains("\"path\":\"payment.method\"",
                "\"path\":\"payment.reference\"");
        rejected(landMutation("{\"method\": \"cash\", \"reference\": \"" + reference + "\", \"amount\": 1150}"),
                409, "payment.reference-used");
        // Not paid yet: filed, and the receipt says nothing was paid.
        ResponseEntity<JsonNode> unpaid = client.file("frontdesk", landMutation(null));
        assertThat(unpaid.getStatusCode().value()).isEqualTo(201);
        assertThat(OneDoorClient.manifestOf(unpaid.getBody().path("receipt")).path("payload").has("payment")).isFalse();
    }

    @Test
    void theChannelIsRecorded() {
        invalid(VALID.replace("{\"serviceCode\"", "{\"channel\": \"fax\", \"serviceCode\""), documents(), "channel",
                "field.not-allowed");
        ResponseEntity<JsonNode> byPhone = client.file("frontdesk", OneDoorClient.filing(
                VALID.replace("{\"serviceCode\"", "{\"channel\": \"call-centre\", \"serviceCode\""), documents()));
        assertThat(byPhone.getStatusCode().value()).isEqualTo(201);
        String number = byPhone.getBody().path("trackingNumber").asText();
        assertThat(jdbc.sql("select channel from service_request where tracking_number = ?").param(number)
                .query(String.class).single()).isEqualTo("call-centre");
        assertThat(OneDoorClient.manifestOf(byPhone.getBody().path("receipt")).path("payload").path("channel").asText())
                .isEqualTo("call-centre");
        ResponseEntity<JsonNode> atCounter = client.file("frontdesk", OneDoorClient.filing(VALID, documents()));
        assertThat(jdbc.sql("select channel from service_request where tracking_number = ?")
                .param(atCounter.getBody().path("trackingNumber").asText()).query(String.class).single())
                .isEqualTo("counter");
    }

    @Test
    void anUnknownService() {
        rejected(OneDoorClient.filing(VALID.replace("social-safety-net-allowance", "moon-landing"), documents()),
                422, "service.unknown");
    }

    @Test
    void malformedJsonOrNoRequestPart() {
        rejected(OneDoorClient.filing("{not json", documents()), 400, "request.malformed");
        MultiValueMap<String, Object> noRequest = OneDoorClient.filing(VALID, documents());
        noRequest.remove("request");
        rejected(noRequest, 400, "request.malformed");
    }

    @Test
    void applicantFields() {
        invalid(VALID.replace("01812345678", "12345"), documents(), "applicant.phone", "field.pattern");
        invalid(VALID.replace("1944123456789", "12AB"), documents(), "applicant.nationalId", "field.pattern");
        invalid(VALID.replace("\"name\": \"Abdul Karim\", ", ""), documents(), "applicant.name", "field.required");
        invalid(VALID.replace("\"district\": \"Rangpur\"", "\"district\": \"Rangpur\", \"email\": \"nope\""), documents(),
                "applicant.email", "field.pattern");
    }

    @Test
    void formFields() {
        invalid(VALID.replace("old-age", "student"), documents(), "fields.allowanceType", "field.not-allowed");
        invalid(VALID.replace("1500", "\"a lot\""), documents(), "fields.monthlyIncome", "field.type");
        invalid(VALID.replace("1954-03-01", "01/03/1954"), documents(), "fields.dateOfBirth", "field.type");
        invalid(VALID.replace("\"monthlyIncome\": 1500", "\"monthlyIncome\": 1500, \"favouriteColour\": \"blue\""),
                documents(), "fields.favouriteColour", "field.unknown");
        invalid(VALID.replace("\"allowanceType\": \"old-age\", ", ""), documents(), "fields.allowanceType",
                "field.required");
        invalid(VALID.replace("\"monthlyIncome\": 1500", "\"monthlyIncome\": 1500, \"bankAccount\": \"12\""),
                documents(), "fields.bankAccount", "field.pattern");
    }

    @Test
    void documentsAreCheckedForPresenceSizeKindAndRealType() {
        Map<String, byte[]> missing = documents();
        missing.remove("photo");
        invalid(VALID, missing, "documents.photo", "document.missing");

        Map<String, byte[]> wrongType = documents();
        wrongType.put("photo", "MZ this is a program pretending to be a photo".getBytes(StandardCharsets.US_ASCII));
        JsonNode body = invalid(VALID, wrongType, "documents.photo", "document.type-not-allowed");
        // A renamed Windows program is recognised by its content, whatever its name.
        assertThat(body.path("errors").get(0).path("message").asText()).contains("application/x-msdownload");

        Map<String, byte[]> tooLarge = documents();
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        tooLarge.put("photo", big);
        invalid(VALID, tooLarge, "documents.photo", "document.too-large");

        Map<String, byte[]> unexpected = documents();
        unexpected.put("horoscope", PDF);
        invalid(VALID, unexpected, "documents.horoscope", "document.unexpected");

        Map<String, byte[]> empty = documents();
        empty.put("income-certificate", new byte[0]);
        invalid(VALID, empty, "documents.income-certificate", "document.empty");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, byte[]> missing = documents();
        missing.remove("national-id");
        JsonNode body = invalid(VALID.replace("01812345678", "1").replace("old-age", "x"), missing,
                "documents.national-id", "document.missing");
        assertThat(body.path("errors")).hasSize(3);
    }
}
