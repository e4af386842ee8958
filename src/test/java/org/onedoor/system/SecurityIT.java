package org.onedoor.system;

import static org.assertj.core.api.Assertions.assertThat;

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
        ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth("supervisor", "guess")
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
