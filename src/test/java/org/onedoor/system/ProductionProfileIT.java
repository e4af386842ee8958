package org.onedoor.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.onedoor.OneDoorClient;
import org.onedoor.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

/** Outside the demo profile there is no user and no password to guess; groups and filters are still set up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // OneDoor needs a signing key in every profile; the test borrows the development one, explicitly.
        "onedoor.packet.signing-key=file:certs/dev/odsc.key.pem",
        "onedoor.packet.signing-certificate=file:certs/dev/odsc.pem",
        "onedoor.packet.allow-development-pki=true"})
@ContextConfiguration(initializers = TestDatabase.class)
class ProductionProfileIT {

    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate http;

    @Test
    void noDemoUserExists() {
        assertThat(identity.createUserQuery().count()).isZero();
        assertThat(identity.createGroupQuery().groupId("city-corporation-desk").count()).isOne();
        assertThat(new OneDoorClient(http).file("frontdesk", OneDoorClient.example("trade-licence"))
                .getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }
}
