package org.onedoor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.SmsLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/**
 * Self-service filing: a one-time code by SMS (the demo's SMS channel is the log, read here), its limits, the
 * citizen's session that reaches the portal only, and a filing marked with the portal channel.
 */
@DemoIntegrationTest
class PortalIT {

    @Autowired
    TestRestTemplate http;

    private final Map<String, String> cookies = new HashMap<>();
    private SmsLog sms;

    @BeforeEach
    void listen() {
        sms = new SmsLog();
    }

    @AfterEach
    void stop() {
        sms.close();
    }

    /** A number no other run of this test has used. */
    private static String number() {
        return "017" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** What the browser would send: the cookies it holds, and the CSRF token it read from one. */
    private HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        if (!cookies.isEmpty()) {
            headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (cookies.containsKey("ONEDOOR-XSRF-TOKEN")) {
            headers.add("X-ONEDOOR-XSRF-TOKEN", cookies.get("ONEDOOR-XSRF-TOKEN"));
        }
        return headers;
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, MediaType type) {
        ResponseEntity<JsonNode> response = http.exchange(path, method, new HttpEntity<>(body, headers(type)),
                JsonNode.class);
        response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> {
            String pair = c.split(";")[0];
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty()) {
                cookies.remove(pair.substring(0, pair.indexOf('=')));
            } else {
                cookies.put(pair.substring(0, pair.indexOf('=')), value);
            }
        });
        return response;
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
    }

    /** The allowance's example, filed with {@code phone} as the applicant's number. */
    private static MultiValueMap<String, Object> allowance(String phone, String extra) {
        MultiValueMap<String, Object> filing = OneDoorClient.example("social-safety-net-allowance");
        HttpEntity<?> part = (HttpEntity<?>) filing.getFirst("request");
        String request = part.getBody().toString().replace("\"01812345678\"", "\"" + phone + "\"");
        if (extra != null) {
            request = request.replaceFirst("\\{", "{" + extra + ",");
        }
        filing.set("request", new HttpEntity<>(request, part.getHeaders()));
        return filing;
    }

    @Test
    void aCitizenFilesFromHomeSignedInByACodeSentToTheirPhone() {
        String number = number();
        assertThat(exchange(HttpMethod.POST, "/api/portal/requests", allowance(number, null),
                MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<JsonNode> notANumber = post("/api/portal/code", Map.of("phone", "12345"));
        assertThat(notANumber.getStatusCode().value()).isEqualTo(422);
        assertThat(notANumber.getBody().path("errors").findValuesAsText("path")).containsExactly("phone");

        // Written the international way; the code comes by SMS, in the language asked for.
        ResponseEntity<JsonNode> sent = post("/api/portal/code", Map.of("phone", "+88" + number, "language", "en"));
        assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(202);
        assertThat(sent.getBody().path("expiresAt").asText()).isNotBlank();
        String code = sms.lastCode(number);
        ResponseEntity<JsonNode> again = post("/api/portal/code", Map.of("phone", number, "language", "en"));
        assertThat(again.getStatusCode().value()).isEqualTo(429);
        assertThat(again.getBody().path("code").asText()).isEqualTo("portal.too-many-codes");

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(post("/api/portal/session", Map.of("phone", number, "code", code)).getStatusCode().value())
                .as("signing in needs the page's CSRF token, as the staff's login does").isEqualTo(403);
        exchange(HttpMethod.GET, "/api/session", null, null);
        ResponseEntity<JsonNode> refused = post("/api/portal/session", Map.of("phone", number, "code", wrong));
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("portal.code-refused");
        assertThat(post("/api/portal/session", Map.of("phone", number, "code", code)).getStatusCode().value())
                .isEqualTo(204);
        assertThat(cookies).containsKey("JSESSIONID");
        JsonNode session = exchange(HttpMethod.GET, "/api/session", null, null).getBody();
        assertThat(session.path("user").asText()).isEqualTo(number);
        assertThat(session.path("citizen").asBoolean()).isTrue();

        // The same intake: its checks, and the portal's own.
        ResponseEntity<JsonNode> otherNumber = exchange(HttpMethod.POST, "/api/portal/requests",
                allowance("01912345670", "\"payment\": {\"method\": \"cash\", \"reference\": \"CTR-1\", \"amount\": 0}"),
                MediaType.MULTIPART_FORM_DATA);
        assertThat(otherNumber.getStatusCode().value()).isEqualTo(422);
        assertThat(otherNumber.getBody().path("errors").findValuesAsText("code"))
                .contains("applicant.phone-not-verified", "field.not-allowed");
        ResponseEntity<JsonNode> filed = exchange(HttpMethod.POST, "/api/portal/requests", allowance(number, null),
                MediaType.MULTIPART_FORM_DATA);
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        JsonNode receipt = OneDoorClient.manifestOf(filed.getBody().path("receipt")).path("payload");
        assertThat(receipt.path("channel").asText()).isEqualTo("portal");
        assertThat(receipt.path("receivedBy").asText()).isEqualTo("portal:" + number);
        new OneDoorClient(http).awaitState(filed.getBody().path("trackingNumber").asText(),
                filed.getBody().path("trackingCode").asText(), "IN_PROGRESS");

        // A citizen's session reaches the portal and nothing of the staff's.
        for (String staff : List.of("/api/admin/notifications", "/api/supervisor/escalations", "/api/officer/absences",
                "/actuator/metrics")) {
            assertThat(exchange(HttpMethod.GET, staff, null, null).getStatusCode().value()).as(staff).isEqualTo(403);
        }
        assertThat(exchange(HttpMethod.POST, "/api/requests", OneDoorClient.example("social-safety-net-allowance"),
                MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(403);

        assertThat(post("/api/session/logout", null).getStatusCode().value()).isEqualTo(204);
        assertThat(exchange(HttpMethod.POST, "/api/portal/requests", allowance(number, null),
                MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(401);
        exchange(HttpMethod.GET, "/api/session", null, null);
        assertThat(post("/api/portal/session", Map.of("phone", number, "code", code)).getStatusCode().value())
                .as("a code signs in once").isEqualTo(401);
    }

    @Test
    void aCodeIsSpentAfterFiveWrongTries() {
        String number = number();
        assertThat(post("/api/portal/code", Map.of("phone", number, "language", "en")).getStatusCode().value())
                .isEqualTo(202);
        String code = sms.lastCode(number);
        String wrong = code.equals("000000") ? "111111" : "000000";
        exchange(HttpMethod.GET, "/api/session", null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/portal/session", Map.of("phone", number, "code", wrong)).getStatusCode().value())
                    .isEqualTo(401);
        }
        ResponseEntity<JsonNode> spent = post("/api/portal/session", Map.of("phone", number, "code", code));
        assertThat(spent.getStatusCode().value()).isEqualTo(401);
        assertThat(spent.getBody().path("code").asText()).isEqualTo("portal.code-refused");
        assertThat(cookies).doesNotContainKey("JSESSIONID");
        assertThat(exchange(HttpMethod.GET, "/api/session", null, null).getBody().path("citizen").asBoolean()).isFalse();
    }
}
