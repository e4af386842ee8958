package org.onedoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What the integration tests do over HTTP, as the front desk, officers and citizens would. */
public class OneDoorClient {

    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    public OneDoorClient(TestRestTemplate http) {
        this.http = http;
    }

    /** A request part plus documents, as {@code curl -F} sends them. */
    public static MultiValueMap<String, Object> filing(String requestJson, Map<String, byte[]> documents) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("request", new HttpEntity<>(requestJson, jsonPart));
        documents.forEach((kind, content) -> parts.add(kind, new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return kind + ".bin";
            }
        })));
        return parts;
    }

    /** The example of {@code docs/examples/<service>/}: request.json and one file per document kind. */
    public static MultiValueMap<String, Object> example(String service) {
        Path folder = Path.of("docs/examples", service);
        try (Stream<Path> files = Files.list(folder)) {
            Map<String, byte[]> documents = new java.util.TreeMap<>();
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("request.json")).toList()) {
                String name = f.getFileName().toString();
                documents.put(name.substring(0, name.lastIndexOf('.')), Files.readAllBytes(f));
            }
            return filing(Files.readString(folder.resolve("request.json")), documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The filing as the counter takes it for a service worked only once paid ({@code fee.payBeforeProcessing}): with
     * the fee paid under a reference of its own. Other filings are returned as they are.
     */
    public static MultiValueMap<String, Object> paidIfDue(MultiValueMap<String, Object> filing) {
        HttpEntity<?> part = (HttpEntity<?>) filing.getFirst("request");
        try {
            com.fasterxml.jackson.databind.node.ObjectNode request =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(part.getBody().toString());
            JsonNode fee = FEES.computeIfAbsent(request.path("serviceCode").asText(), OneDoorClient::fee);
            if (!fee.path("payBeforeProcessing").asBoolean() || request.has("payment")) {
                return filing;
            }
            request.putObject("payment").put("method", "e-challan")
                    .put("reference", "EC-" + java.util.UUID.randomUUID().toString().substring(0, 18))
                    .put("amount", fee.path("amount").decimalValue());
            MultiValueMap<String, Object> paid = new LinkedMultiValueMap<>(filing);
            paid.set("request", new HttpEntity<>(request.toString(), part.getHeaders()));
            return paid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, JsonNode> FEES = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonNode fee(String serviceCode) {
        try {
            return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                    Path.of("processes/services", serviceCode, "service.yaml").toFile()).path("fee");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The front desk records the fee of a filed request: {@code POST /api/requests/{number}/payment}. */
    public ResponseEntity<JsonNode> pay(String trackingNumber, String method, String reference, Object amount) {
        return http.withBasicAuth("frontdesk", PASSWORD).postForEntity("/api/requests/{n}/payment",
                Map.of("method", method, "reference", reference, "amount", amount), JsonNode.class, trackingNumber);
    }

    public ResponseEntity<JsonNode> file(String user, MultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, PASSWORD);
        return client.exchange("/api/requests", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    /** The front desk answers an MDA's question for the applicant: {@code POST /api/requests/{number}/information}. */
    public ResponseEntity<JsonNode> answer(String trackingNumber, String code, String informationRequestId, String text,
            Map<String, byte[]> documents) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("trackingCode", code);
        if (informationRequestId != null) {
            answer.put("informationRequestId", informationRequestId);
        }
        if (text != null) {
            answer.put("text", text);
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("answer", new HttpEntity<>(json(answer).toString(), jsonPart));
        documents.forEach((kind, content) -> parts.add(kind, new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return kind + ".bin";
            }
        })));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("frontdesk", PASSWORD).exchange("/api/requests/{n}/information", HttpMethod.POST,
                new HttpEntity<>(parts, headers), JsonNode.class, trackingNumber);
    }

    /** The front desk withdraws the request at the applicant's wish. */
    public ResponseEntity<JsonNode> withdraw(String trackingNumber, String code, String reason) {
        return http.withBasicAuth("frontdesk", PASSWORD).postForEntity("/api/requests/{n}/withdrawal",
                Map.of("trackingCode", code, "reason", reason), JsonNode.class, trackingNumber);
    }

    /** An administrator cancels the request. */
    public ResponseEntity<JsonNode> cancel(String trackingNumber, String reason) {
        return http.withBasicAuth("admin", PASSWORD).postForEntity("/api/admin/requests/{n}/cancellation",
                Map.of("reason", reason), JsonNode.class, trackingNumber);
    }

    /** The manifest of a signed packet in its JSON form {@code {"manifest": base64, "signature": base64}}. */
    public static JsonNode manifestOf(JsonNode signed) {
        try {
            return JSON.readTree(java.util.Base64.getDecoder().decode(signed.path("manifest").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    public ResponseEntity<JsonNode> track(String trackingNumber, String code) {
        return http.getForEntity("/api/track/{n}?code={c}", JsonNode.class, trackingNumber, code);
    }

    /** The open tasks of a request that the officer may see in the given candidate group, assigned or not. */
    public List<JsonNode> tasks(String officer, String trackingNumber, String group) {
        JsonNode tasks = http.withBasicAuth(officer, PASSWORD).getForObject(
                "/engine-rest/task?processInstanceBusinessKey={k}&candidateGroup={g}&includeAssignedTasks=true",
                JsonNode.class,
                trackingNumber, group);
        return tasks == null ? List.of() : Stream.of(JSON.convertValue(tasks, JsonNode[].class)).toList();
    }

    /**
     * Waits for the group's task of the request, then claims and completes it as the group's demo user
     * ({@code <mda>-<role>}), through Camunda's REST API as Tasklist does.
     */
    public void decide(String trackingNumber, String group, String decision, String comment) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("decision", decision);
        if (comment != null) {
            variables.put("comment", comment);
        }
        complete(trackingNumber, group, variables);
    }

    /** The same for any task of the group, with the form's variables. */
    public void complete(String trackingNumber, String group, Map<String, Object> variables) {
        List<JsonNode> tasks = await("a task for " + group, () -> {
            List<JsonNode> found = tasks(group, trackingNumber, group);
            return found.isEmpty() ? null : found;
        });
        String taskId = tasks.get(0).path("id").asText();
        var officer = http.withBasicAuth(group, PASSWORD);
        assertThat(officer.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", group), Void.class, taskId)
                .getStatusCode().value()).isEqualTo(204);
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        ResponseEntity<String> done = officer.postForEntity("/engine-rest/task/{id}/complete",
                Map.of("variables", typed), String.class, taskId);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isIn(200, 204);
    }

    /** Waits for the request's lifecycle state on the citizen's tracking answer, e.g. {@code APPROVED}. */
    public JsonNode awaitState(String trackingNumber, String code, String state) {
        return await("state " + state + " of " + trackingNumber, () -> {
            JsonNode body = track(trackingNumber, code).getBody();
            return body != null && state.equals(body.path("state").asText()) ? body : null;
        });
    }

    /** Polls (the job executor works asynchronously) for at most 30 seconds. */
    public static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
