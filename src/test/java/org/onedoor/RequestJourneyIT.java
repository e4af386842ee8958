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
        return file(OneDoorClient.paidIfDue(OneDoorClient.example(service)));
    }

    private Filed file(org.springframework.util.MultiValueMap<String, Object> filing) {
        ResponseEntity<JsonNode> response = client.file("frontdesk", filing);
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
    void aLandMutationWaitsForItsFeeThenGoesToTheSubRegistryAfterTheAcLand() {
        Filed filed = file(OneDoorClient.example("land-mutation"));
        JsonNode receipt = OneDoorClient.manifestOf(filed.receipt()).path("payload");
        assertThat(receipt.path("awaitingPayment").asBoolean()).isTrue();
        assertThat(receipt.has("payment")).isFalse();
        JsonNode waiting = client.awaitState(filed.number(), filed.code(), "WAITING_FOR_PAYMENT");
        assertThat(waiting.path("legs")).isEmpty();
        assertThat(waiting.hasNonNull("payment")).isFalse();
        assertThat(waiting.path("timeline").findValuesAsText("message")).contains(
                "The fee of 1150 BDT is due: the request is taken up once it is paid at the One-Door Service Centre.");
        assertThat(client.tasks("land-office-desk", filed.number(), "land-office-desk")).isEmpty();

        ResponseEntity<JsonNode> short1 = client.pay(filed.number(), "cash", "CTR-" + System.nanoTime(), 1000);
        assertThat(short1.getStatusCode().value()).isEqualTo(422);
        assertThat(short1.getBody().path("errors").findValuesAsText("code")).containsExactly("payment.amount-mismatch");
        String reference = "CTR-" + System.nanoTime();
        ResponseEntity<JsonNode> paid = client.pay(filed.number(), "cash", reference, 1150);
        assertThat(paid.getStatusCode().value()).as(String.valueOf(paid.getBody())).isEqualTo(200);
        JsonNode paymentReceipt = OneDoorClient.manifestOf(paid.getBody().path("receipt"));
        assertThat(paymentReceipt.path("type").asText()).isEqualTo("receipt");
        assertThat(paymentReceipt.path("payload").path("payment").path("reference").asText()).isEqualTo(reference);
        assertThat(paymentReceipt.path("payload").path("expectedCompletion").asText())
                .isEqualTo(paid.getBody().path("expectedCompletion").asText());
        assertThat(client.pay(filed.number(), "cash", "CTR-" + System.nanoTime(), 1150).getBody().path("code")
                .asText()).isEqualTo("payment.already-recorded");
        Filed other = file(OneDoorClient.example("land-mutation"));
        assertThat(client.pay(other.number(), "cash", reference, 1150).getBody().path("code").asText())
                .isEqualTo("payment.reference-used");
        assertThat(client.pay("ODSC-2026-999999-0", "cash", "CTR-" + System.nanoTime(), 1150).getStatusCode().value())
                .isEqualTo(404);
        // Unpaid, it may still be withdrawn; paid once withdrawn, it is not.
        client.withdraw(other.number(), other.code(), "The buyer withdrew.");
        client.awaitState(other.number(), other.code(), "WITHDRAWN");
        assertThat(client.pay(other.number(), "cash", "CTR-" + System.nanoTime(), 1150).getBody().path("code").asText())
                .isEqualTo("request.ended");

        JsonNode released = client.awaitState(filed.number(), filed.code(), "IN_PROGRESS");
        assertThat(released.path("payment").path("method").asText()).isEqualTo("cash");
        assertThat(released.path("expectedCompletion").asText())
                .isEqualTo(paid.getBody().path("expectedCompletion").asText());
        assertThat(released.path("timeline").findValuesAsText("message")).contains("The fee of 1150 BDT was paid (cash).");
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
