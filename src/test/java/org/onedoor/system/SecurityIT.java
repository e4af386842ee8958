package org.onedoor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.onedoor.catalogue.ServiceCatalogue;
import org.onedoor.catalogue.ServiceDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** What is public, what needs a login and which role, on the demo profile. */
@DemoIntegrationTest
class SecurityIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    ServiceCatalogue catalogue;

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpClient client, String method, String path, String body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ONEDOOR-XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /**
     * The pages' login: one session, whose changes need its CSRF token; a change another site's page makes a
     * browser send is refused whatever credentials the browser adds; a page's own request is never asked for Basic
     * credentials, so that no browser keeps any.
     */
    @Test
    void aPageSessionChangesNothingWithoutItsTokenAndNoOtherSiteChangesAnything() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(send(browser, "GET", "/api/session", null).body()).contains("\"groups\":[]");
        String form = "username=frontdesk&password=" + OneDoorClient.PASSWORD;
        String urlencoded = "application/x-www-form-urlencoded";
        assertThat(send(browser, "POST", "/api/session", form, "Content-Type", urlencoded).statusCode())
                .as("a login without the token").isEqualTo(403);
        assertThat(send(browser, "POST", "/api/session", form, "Content-Type", urlencoded,
                "X-ONEDOOR-XSRF-TOKEN", xsrf(cookies)).statusCode()).isEqualTo(204);
        assertThat(send(browser, "GET", "/api/session", null).body()).contains("\"user\":\"frontdesk\"")
                .contains("frontdesk");
        String withdrawal = "{\"trackingCode\": \"ABCDE-12345\", \"reason\": \"x\"}";
        assertThat(send(browser, "POST", "/api/requests/ODSC-2026-999999-0/withdrawal", withdrawal,
                "Content-Type", "application/json").statusCode()).as("a change without the token").isEqualTo(403);
        assertThat(send(browser, "POST", "/api/requests/ODSC-2026-999999-0/withdrawal", withdrawal,
                "Content-Type", "application/json", "X-ONEDOOR-XSRF-TOKEN", xsrf(cookies)).statusCode())
                .as("with it, the clerk's change reaches the request (unknown here)").isEqualTo(404);

        HttpClient elsewhere = HttpClient.newHttpClient();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("frontdesk:" + OneDoorClient.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(send(elsewhere, "POST", "/api/requests/ODSC-2026-999999-0/withdrawal", withdrawal,
                "Content-Type", "application/json", "Authorization", basic, "Sec-Fetch-Site", "cross-site")
                .statusCode()).as("another site's page, with credentials the browser kept").isEqualTo(403);
        assertThat(send(elsewhere, "POST", "/api/requests/ODSC-2026-999999-0/withdrawal", withdrawal,
                "Content-Type", "application/json", "Authorization", basic).statusCode())
                .as("a program with its own credentials").isEqualTo(404);
        HttpResponse<String> pageFetch = send(elsewhere, "GET", "/api/admin/notifications",
                null, "Sec-Fetch-Mode", "cors");
        assertThat(pageFetch.statusCode()).isEqualTo(401);
        assertThat(pageFetch.headers().firstValue("WWW-Authenticate")).isEmpty();

        assertThat(send(browser, "POST", "/api/session/logout", null, "X-ONEDOOR-XSRF-TOKEN", xsrf(cookies))
                .statusCode()).isEqualTo(204);
        assertThat(send(browser, "GET", "/api/session", null).body()).contains("\"groups\":[]");
    }

    @Test
    void filingNeedsAFrontDeskLogin() {
        OneDoorClient client = new OneDoorClient(http);
        ResponseEntity<JsonNode> anonymous = client.file(null, OneDoorClient.example("trade-licence"));
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.getBody().path("code").asText()).isEqualTo("auth.required");

        ResponseEntity<JsonNode> officer = client.file("city-corporation-desk", OneDoorClient.example("trade-licence"));
        assertThat(officer.getStatusCode().value()).isEqualTo(403);
        assertThat(officer.getBody().path("code").asText()).isEqualTo("auth.forbidden");

        // Camunda locks a user for a few seconds after a wrong password: not one the other tests log in as.
        ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth("environment-appellate", "guess")
                .getForEntity("/api/requests", JsonNode.class);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aLockedUserIsToldSoAndForHowLongButOnlyWithTheRightPassword() {
        User clerk = identity.newUser("locked-clerk");
        clerk.setPassword("right-password");
        identity.saveUser(clerk);
        identity.createMembership("locked-clerk", "frontdesk");
        try {
            assertThat(http.withBasicAuth("locked-clerk", "wrong").getForEntity("/api/requests/ODSC-2026-000001-5",
                    JsonNode.class).getBody().path("code").asText()).isEqualTo("auth.required");

            // Camunda now locks the user for a while: the right password learns that, and until when.
            ResponseEntity<JsonNode> locked = http.withBasicAuth("locked-clerk", "right-password")
                    .getForEntity("/api/requests/ODSC-2026-000001-5", JsonNode.class);
            assertThat(locked.getStatusCode().value()).isEqualTo(401);
            assertThat(locked.getBody().path("code").asText()).isEqualTo("auth.locked");
            assertThat(locked.getBody().path("detail").asText()).containsPattern("for \\d+ more second\\(s\\), until 20");

            // A wrong password, or a user that does not exist, learns nothing about the lock.
            for (String[] credentials : new String[][] {{"locked-clerk", "wrong"}, {"nobody-at-all", "right-password"}}) {
                ResponseEntity<JsonNode> refused = http.withBasicAuth(credentials[0], credentials[1])
                        .getForEntity("/api/requests/ODSC-2026-000001-5", JsonNode.class);
                assertThat(refused.getStatusCode().value()).isEqualTo(401);
                assertThat(refused.getBody().path("code").asText()).isEqualTo("auth.required");
                assertThat(refused.getBody().path("detail").asText()).doesNotContain("lock");
            }
        } finally {
            identity.deleteUser("locked-clerk");
        }
    }

    @Test
    void camundasRestApiIsNeverOpen() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/engine-rest/user", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user", String.class)
                .getStatusCode().value()).isEqualTo(200);
        // An officer may log in but not see other people's tasks or manage users.
        ResponseEntity<String> users = http.withBasicAuth("city-corporation-desk", "demo")
                .getForEntity("/engine-rest/authorization?resourceType=4", String.class);
        assertThat(users.getBody()).doesNotContain("camunda-admin");
    }

    @Test
    void theCatalogueTrackingHealthAndWebappsArePublic() {
        JsonNode services = http.getForObject("/api/services", JsonNode.class);
        assertThat(StreamSupport.stream(services.spliterator(), false).map(s -> s.path("code").asText()).toList())
                .as("the catalogue's services, in order").isNotEmpty()
                .containsExactlyElementsOf(catalogue.all().stream().map(ServiceDefinition::code).toList());
        assertThat(http.getForEntity("/api/services/trade-licence", JsonNode.class).getBody()
                .path("documents").get(0).path("maxSize").asLong()).isEqualTo(2 * 1024 * 1024);
        assertThat(http.getForEntity("/api/services/nothing", JsonNode.class).getBody().path("code").asText())
                .isEqualTo("service.unknown");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/camunda/app/tasklist/", String.class).getStatusCode().value()).isEqualTo(200);
        // The webapps load their plugins before anyone logs in: Spring Security must leave their API alone.
        assertThat(http.getForEntity("/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/", String.class).getBody()).contains("OneDoor");
    }
}
