package org.onedoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Each demo service from the counter to its final status: filed over HTTP as {@code frontdesk}, worked by the
 * right officers through Camunda's REST API, and followed on the public tracking endpoint.
 */
@DemoIntegrationTest
class RequestJourneyIT {

    @Autowired
    TestRestTemplate http;

    OneDoorClient client;

    @BeforeEach
    void client() {
        client = new OneDoorClient(http);
    }

    private record Filed(String number, String code, JsonNode receipt) {
    }

    private Filed file(String service) {
        ResponseEntity<JsonNode> response = client.file("frontdesk", OneDoorClient.example(service));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        JsonNode body = response.getBody();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/track/" + body.path("trackingNumber").asText());
        return new Filed(body.path("trackingNumber").asText(), body.path("trackingCode").asText(), body.path("receipt"));
    }

    @Test
    void aTradeLicenceIsClearedByTwoMinistrySystemsAndTheCityCorporationsOfficers() {
        Filed filed = file("trade-licence");
        assertThat(filed.number()).matches("ODSC-\\d{4}-\\d{6}-\\d");
        JsonNode receipt = OneDoorClient.manifestOf(filed.receipt());
        assertThat(receipt.path("type").asText()).isEqualTo("receipt");
        assertThat(receipt.path("trackingNumber").asText()).isEqualTo(filed.number());
        assertThat(receipt.path("payload").path("fee").path("amount").asInt()).isEqualTo(2000);
        assertThat(receipt.path("documents")).hasSize(3);
        assertThat(receipt.path("documents").findValuesAsText("mediaType")).containsOnly("application/pdf");

        for (String group : List.of("city-corporation-desk", "city-corporation-head", "city-corporation-director")) {
            client.decide(filed.number(), group, "approve", null);
        }

        JsonNode status = client.awaitState(filed.number(), filed.code(), "APPROVED");
        assertThat(status.path("serviceName").path("bn").asText()).isEqualTo("ট্রেড লাইসেন্স");
        assertThat(status.path("timeline").findValuesAsText("mdaCode"))
                .contains("city-corporation", "fire-service", "environment");
        assertThat(status.path("timeline").findValuesAsText("message"))
                .contains("Approved by the Chief revenue officer of Dhaka North City Corporation.",
                        "Approved by Fire Service and Civil Defence.", "Approved by Department of Environment.")
                .anyMatch(m -> m.matches("Fire Service and Civil Defence accepted the request for processing: "
                        + "case FI-\\d{4}-\\d{5}, expected by \\d{4}-\\d{2}-\\d{2}\\."));
    }

    @Test
    void anAllowanceGoesUpToTheDistrictOfficer() {
        Filed filed = file("social-safety-net-allowance");
        assertThat(client.awaitState(filed.number(), filed.code(), "IN_PROGRESS").path("timeline").get(1)
                .path("mdaName").path("en").asText()).isEqualTo("Department of Social Services");
        client.decide(filed.number(), "social-services-desk", "approve", null);
        client.decide(filed.number(), "social-services-head", "approve", null);
        client.decide(filed.number(), "social-services-director", "approve", null);
        client.awaitState(filed.number(), filed.code(), "APPROVED");
    }

    @Test
    void aLandMutationGoesToTheSubRegistryAfterTheAcLand() {
        Filed filed = file("land-mutation");
        client.decide(filed.number(), "land-office-desk", "approve", null);
        client.decide(filed.number(), "land-office-head", "approve", null);
        assertThat(client.tasks("sub-registry-desk", filed.number(), "sub-registry-desk")).isEmpty();
        client.decide(filed.number(), "land-office-director", "approve", null);
        client.decide(filed.number(), "sub-registry-desk", "approve", null);
        client.awaitState(filed.number(), filed.code(), "APPROVED");
    }

    @Test
    void aRejectionReachesTheCitizenWithItsReason() {
        Filed filed = file("land-mutation");
        client.decide(filed.number(), "land-office-desk", "approve", null);
        client.decide(filed.number(), "land-office-head", "reject", "The khatian does not match the deed.");
        JsonNode status = client.awaitState(filed.number(), filed.code(), "REJECTED");
        assertThat(status.path("timeline").findValuesAsText("message"))
                .contains("Rejected by the Surveyor of Upazila Land Office (AC Land): The khatian does not match the deed.");
    }

    @Test
    void theDeskOfficersReturnAsksTheApplicantToCorrectItAndTheAnswerBringsItBack() {
        Filed filed = file("social-safety-net-allowance");
        client.decide(filed.number(), "social-services-desk", "return", "The photo is not recognisable.");
        JsonNode waiting = client.awaitState(filed.number(), filed.code(), "WAITING_FOR_APPLICANT");
        assertThat(waiting.path("legs").get(0).path("state").asText()).isEqualTo("WAITING_FOR_APPLICANT");
        assertThat(waiting.path("legs").get(0).path("waitingFor").path("question").asText())
                .isEqualTo("The photo is not recognisable.");

        assertThat(client.answer(filed.number(), filed.code(), null, "A new photo is attached.",
                java.util.Map.of()).getStatusCode().value()).isEqualTo(200);
        client.awaitState(filed.number(), filed.code(), "IN_PROGRESS");
        client.decide(filed.number(), "social-services-desk", "approve", null);
        client.decide(filed.number(), "social-services-head", "approve", null);
        client.decide(filed.number(), "social-services-director", "approve", null);
        client.awaitState(filed.number(), filed.code(), "APPROVED");
    }

    @Test
    void anOfficerSeesOnlyTheTasksOfHisOwnGroups() {
        Filed filed = file("social-safety-net-allowance");
        OneDoorClient.await("the desk task", () -> client.tasks("social-services-desk", filed.number(),
                "social-services-desk").isEmpty() ? null : true);
        assertThat(client.tasks("land-office-desk", filed.number(), "social-services-desk")).isEmpty();
        assertThat(client.tasks("social-services-head", filed.number(), "social-services-desk")).isEmpty();
    }

    @Test
    void trackingNeedsTheRightCode() {
        Filed filed = file("social-safety-net-allowance");
        assertThat(client.track(filed.number(), filed.code()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> wrongCode = client.track(filed.number(), "AAAAA-AAAAA");
        ResponseEntity<JsonNode> unknown = client.track("ODSC-2026-999999-0", filed.code());
        assertThat(wrongCode.getStatusCode().value()).isEqualTo(404);
        assertThat(wrongCode.getBody().path("code").asText()).isEqualTo("tracking.not-found");
        assertThat(unknown.getStatusCode()).isEqualTo(wrongCode.getStatusCode());
        assertThat(unknown.getBody().path("detail")).isEqualTo(wrongCode.getBody().path("detail"));
    }
}
