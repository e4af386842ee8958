package org.onedoor.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.OneDoorApplication;
import org.onedoor.OneDoorClient;
import org.onedoor.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Runs in a JVM of its own (see the pom), as it stops OneDoor and starts it again on the same database.
 * <p>
 * Citizens' notifications through real wires: a scripted SMS gateway (an HTTP server in this JVM that answers
 * each message as the test says) and GreenMail's SMTP server. Every change the citizen hears of queues exactly
 * one message per channel they have; a gateway that fails is tried again with the same message id; a message that
 * fails to the end waits for an administrator, who resends it; and a node stopped while a message is in flight
 * leaves it to the next node, which sends it with the same id, so the gateway delivers it once.
 */
class NotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** An SMS gateway whose answers the test scripts: by default 200 after {@code failFirst} 503s per message. */
    static final class Gateway {
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final List<String> keys = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final Set<String> delivered = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        volatile int failFirst;
        volatile String refuse;
        volatile long delayMillis;
        final HttpServer server;

        Gateway() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode body = JSON.readTree(in);
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    received.add(body);
                    keys.add(key);
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    if (delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                    int status = body.path("to").asText().equals(refuse) || attempt <= failFirst ? 503 : 200;
                    if (status == 200) {
                        // What a gateway does with the idempotency key: a message it has sent is not sent again.
                        delivered.add(key);
                    }
                    exchange.sendResponseHeaders(status, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
        }
    }

    private ConfigurableApplicationContext oneDoor(int port, Gateway gateway, GreenMail mail,
            Map<String, Object> database) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--onedoor.notifications.sms.transport=gateway",
                "--onedoor.notifications.sms.url=" + gateway.url(),
                "--onedoor.notifications.sms.username=onedoor", "--onedoor.notifications.sms.password=s3cret",
                "--onedoor.notifications.sms.from=ONEDOOR",
                "--onedoor.notifications.sms.connect-timeout=1s", "--onedoor.notifications.sms.response-timeout=5s",
                "--onedoor.notifications.email.connect-timeout=1s", "--onedoor.notifications.email.response-timeout=5s",
                "--onedoor.notifications.email.transport=smtp",
                "--onedoor.notifications.email.url=smtp://127.0.0.1:" + mail.getSmtp().getPort(),
                "--onedoor.notifications.email.from=no-reply@onedoor.example",
                "--onedoor.notifications.tracking-page=https://odsc.example/track.html",
                "--onedoor.notifications.first-retry=300ms", "--onedoor.notifications.max-attempts=4",
                "--onedoor.notifications.claim-for=7s", "--onedoor.notifications.poll=200ms",
                // A hard stop: Camel does not wait for the message in flight.
                "--camel.main.shutdown-timeout=1"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OneDoorApplication.class)
                .profiles("demo").run(args.toArray(String[]::new));
        running.add(context::close);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The allowance example, with an e-mail address and the language the applicant reads. */
    private static MultiValueMap<String, Object> allowance(String phone, String email, String language)
            throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(
                Files.readString(Path.of("docs/examples/social-safety-net-allowance/request.json")));
        ObjectNode applicant = (ObjectNode) request.path("applicant");
        applicant.put("phone", phone).put("email", email).put("language", language);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>(OneDoorClient.example("social-safety-net-allowance"));
        parts.remove("request");
        MultiValueMap<String, Object> filing = OneDoorClient.filing(JSON.writeValueAsString(request), Map.of());
        parts.add("request", filing.getFirst("request"));
        return parts;
    }

    @Test
    void everyChangeReachesTheCitizenOncePerChannelThroughFailuresAndARestart() throws Exception {
        Gateway gateway = new Gateway();
        running.add(() -> gateway.server.stop(0));
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        running.add(mail::stop);
        Map<String, Object> database = TestDatabase.fresh("onedoor_it_notifications");
        int port = freePort();
        ConfigurableApplicationContext first = oneDoor(port, gateway, mail, database);
        JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        OneDoorClient client = new OneDoorClient(http);

        // Two failures, then the gateway takes it: the same message id on every attempt, sent once.
        gateway.failFirst = 2;
        JsonNode filed = client.file("frontdesk", allowance("01812345678", "karim@example.org", "en")).getBody();
        String trackingNumber = filed.path("trackingNumber").asText();
        String code = filed.path("trackingCode").asText();
        OneDoorClient.await("every message sent", () -> jdbc.sql(
                "select count(*) from notification where tracking_number = ? and status <> 'SENT'")
                .param(trackingNumber).query(Integer.class).single() == 0
                && jdbc.sql("select count(*) from notification where tracking_number = ?").param(trackingNumber)
                        .query(Integer.class).single() == 4 ? true : null);
        // Received and sent to the social services' officers: two changes, an SMS and an e-mail each.
        List<Map<String, Object>> perChange = jdbc.sql("""
                select e.kind, n.channel, count(*) as messages from tracking_event e
                join notification n on n.event_id = e.id where e.tracking_number = ?
                group by e.kind, n.channel order by e.kind, n.channel""").param(trackingNumber).query().listOfRows();
        assertThat(perChange).extracting(r -> r.get("kind") + "/" + r.get("channel") + "=" + r.get("messages"))
                .containsExactly("RECEIVED/EMAIL=1", "RECEIVED/SMS=1", "WITH_OFFICERS/EMAIL=1", "WITH_OFFICERS/SMS=1");
        assertThat(gateway.delivered).hasSize(2);
        assertThat(gateway.attempts.values()).allSatisfy(a -> assertThat(a.get()).isEqualTo(3));
        assertThat(jdbc.sql("select attempts from notification where channel = 'SMS' and tracking_number = ?")
                .param(trackingNumber).query(Integer.class).list()).containsOnly(3);
        JsonNode sms = gateway.received.get(gateway.received.size() - 1);
        assertThat(sms.path("to").asText()).isEqualTo("01812345678");
        assertThat(sms.path("from").asText()).isEqualTo("ONEDOOR");
        assertThat(gateway.received).extracting(m -> m.path("text").asText()).contains(
                "OneDoor " + trackingNumber + ": Received at the One-Door Service Centre. "
                        + "https://odsc.example/track.html?n=" + trackingNumber + "&lang=en");
        assertThat(gateway.authorizations).containsOnly("Basic b25lZG9vcjpzM2NyZXQ=");
        assertThat(gateway.keys).allSatisfy(k -> assertThat(k).hasSize(36));

        MimeMessage[] mails = mail.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).isEqualTo("Social safety net allowance, " + trackingNumber
                + ": news of your request");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("karim@example.org");
        assertThat(mails[0].getHeader("X-OneDoor-Message-Id")[0]).hasSize(36);
        assertThat(((String) mails[0].getContent())).contains("Received at the One-Door Service Centre.");

        // A number the gateway refuses to the end: FAILED after the last attempt, resent by an administrator.
        gateway.failFirst = 0;
        gateway.refuse = "01999999999";
        JsonNode bangla = client.file("frontdesk", allowance("01999999999", "rahima@example.org", "bn")).getBody();
        String banglaNumber = bangla.path("trackingNumber").asText();
        OneDoorClient.await("the SMS failed to the end", () -> jdbc.sql(
                "select count(*) from notification where tracking_number = ? and channel = 'SMS' and status = 'FAILED'")
                .param(banglaNumber).query(Integer.class).single() == 2 ? true : null);
        ResponseEntity<JsonNode> failed = http.withBasicAuth("admin", OneDoorClient.PASSWORD).getForEntity(
                "/api/admin/notifications?status=FAILED&trackingNumber=" + banglaNumber, JsonNode.class);
        assertThat(failed.getBody()).hasSize(2);
        JsonNode one = failed.getBody().get(0);
        assertThat(one.path("attempts").asInt()).isEqualTo(4);
        assertThat(one.path("lastError").asText()).contains("503");
        assertThat(one.path("body").asText()).startsWith("ওয়ান-ডোর " + banglaNumber);
        assertThat(http.withBasicAuth("frontdesk", OneDoorClient.PASSWORD).getForEntity(
                "/api/admin/notifications", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("admin", OneDoorClient.PASSWORD).exchange(
                "/api/admin/notifications/" + gateway.keys.get(0) + "/resend", HttpMethod.POST, null,
                JsonNode.class).getBody().path("code").asText()).isEqualTo("notification.not-failed");
        gateway.refuse = null;
        String resent = one.path("id").asText();
        ResponseEntity<JsonNode> again = http.withBasicAuth("admin", OneDoorClient.PASSWORD).exchange(
                "/api/admin/notifications/" + resent + "/resend", HttpMethod.POST, null, JsonNode.class);
        assertThat(again.getBody().path("status").asText()).isIn("PENDING", "SENT");
        OneDoorClient.await("the resent message delivered", () -> gateway.delivered.contains(resent) ? true : null);
        assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .contains("সামাজিক নিরাপত্তা ভাতা, " + banglaNumber + ": আপনার আবেদনের হালনাগাদ");

        // Stopped while the gateway still works on a message: the next node sends it again with the same id.
        gateway.delayMillis = 4_000;
        int before = gateway.received.size();
        client.withdraw(trackingNumber, code, "Moved to another district");
        OneDoorClient.await("the withdrawal's SMS at the gateway",
                () -> gateway.received.size() > before ? true : null);
        String inFlight = gateway.keys.get(before);
        List<String> sentBefore = jdbc.sql("select id from notification where channel = 'SMS' and status = 'SENT'")
                .query(String.class).list();
        Map<String, Long> attemptsBefore = new java.util.HashMap<>();
        sentBefore.forEach(id -> attemptsBefore.put(id, gateway.keys.stream().filter(id::equals).count()));
        first.close();
        gateway.delayMillis = 0;
        ConfigurableApplicationContext second = oneDoor(port, gateway, mail, database);
        JdbcClient after = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
        OneDoorClient.await("the withdrawal's messages sent", () -> after.sql(
                "select count(*) from notification where tracking_number = ? and status <> 'SENT'")
                .param(trackingNumber).query(Integer.class).single() == 0 ? true : null);
        assertThat(gateway.delivered).contains(inFlight);
        // Where the stop lands decides whether the first node still recorded the gateway's answer; if not, the next
        // node sent the message again under the same id, which the gateway knows.
        assertThat(gateway.keys).filteredOn(inFlight::equals).hasSizeBetween(1, 2);
        // A few polls of the new node later, nothing sent before the stop has gone out again.
        Thread.sleep(1_500);
        attemptsBefore.forEach((id, count) -> assertThat(gateway.keys.stream().filter(id::equals).count())
                .as("attempts of %s", id).isEqualTo(count));
        assertThat(sentBefore).doesNotContain(inFlight);
    }
}
