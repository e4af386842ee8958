package org.onedoor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.onedoor.OneDoorClient;
import org.onedoor.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The process designer guide's walkthrough, as a designer does it: the files of docs/process-designers.md (a new
 * service and a new MDA) added verbatim to copies of processes/ and connectors/, OneDoor started on them, requests
 * filed and decided through the REST API; then a changed routing table and a changed common process deployed without
 * a restart, a broken table refused, and running instances migrated. No Java of the designer's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DesignerWalkthroughIT {

    private static final Path GUIDE = Path.of("docs/process-designers.md");
    private static final Pattern BLOCK = Pattern.compile("```(?:yaml|xml)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("(?:# |<!-- )file: (\\S+)");
    private static final String TABLE = "processes/services/birth-registration/BirthRegistrationRouting.dmn";
    private static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("onedoor-designer");
            FileSystemUtils.copyRecursively(Path.of("processes"), ROOT.resolve("processes"));
            FileSystemUtils.copyRecursively(Path.of("connectors"), ROOT.resolve("connectors"));
            int written = 0;
            Matcher block = BLOCK.matcher(Files.readString(GUIDE));
            while (block.find()) {
                String text = block.group(1);
                Matcher file = FILE.matcher(String.join("\n", text.lines().limit(2).toList()));
                if (file.find()) {
                    Path target = ROOT.resolve(file.group(1));
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text);
                    written++;
                }
            }
            assertThat(written).as("files of the walkthrough in " + GUIDE).isEqualTo(4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void designersFiles(DynamicPropertyRegistry registry) {
        registry.add("onedoor.processes.location", () -> "file:" + ROOT.resolve("processes") + "/");
        registry.add("onedoor.connectors.location", () -> "file:" + ROOT.resolve("connectors") + "/*/connector.yaml");
        TestDatabase.fresh("onedoor_it_designer").forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    private record Filed(String number, String code) {
    }

    private Filed file(String placeOfBirth, boolean hospitalRecord) {
        String request = """
                {"serviceCode": "birth-registration",
                 "applicant": {"name": "Rahima Begum", "nationalId": "1987654321", "phone": "01712345678",
                               "district": "Dhaka"},
                 "fields": {"childName": "Ayaan Rahman", "dateOfBirth": "2026-11-30", "placeOfBirth": "%s"}}
                """.formatted(placeOfBirth);
        byte[] pdf = read("docs/examples/trade-licence/national-id.pdf");
        Map<String, byte[]> documents = hospitalRecord
                ? Map.of("parent-national-id", pdf, "hospital-birth-record", read("docs/examples/trade-licence/premises-lease.pdf"))
                : Map.of("parent-national-id", pdf);
        ResponseEntity<JsonNode> filed = new OneDoorClient(http).file("frontdesk", OneDoorClient.filing(request, documents));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        return new Filed(filed.getBody().path("trackingNumber").asText(), filed.getBody().path("trackingCode").asText());
    }

    private void awaitTask(Filed filed, String group) {
        OneDoorClient.await("a task of " + group, () ->
                new OneDoorClient(http).tasks(group, filed.number(), group).isEmpty() ? null : true);
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edit(String file, UnaryOperator<String> change) throws IOException {
        Path path = ROOT.resolve(file);
        String before = Files.readString(path);
        String after = change.apply(before);
        assertThat(after).as("an edit of " + file).isNotEqualTo(before);
        Files.writeString(path, after);
    }

    private ResponseEntity<JsonNode> deploy() {
        return http.withBasicAuth("admin", OneDoorClient.PASSWORD)
                .postForEntity("/api/admin/processes/deployments", null, JsonNode.class);
    }

    private ResponseEntity<JsonNode> migrate(String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("admin", OneDoorClient.PASSWORD).postForEntity(
                "/api/admin/processes/{key}/migrations", new HttpEntity<>(body, headers), JsonNode.class, key);
    }

    private int latestVersion(String decision) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion()
                .singleResult().getVersion();
    }

    @Test
    void aDesignerAddsAServiceAndAnMdaThenChangesThemWithoutJavaOrRestart() throws IOException {
        OneDoorClient client = new OneDoorClient(http);
        JsonNode service = http.getForObject("/api/services/birth-registration", JsonNode.class);
        assertThat(service.path("name").path("bn").asText()).isEqualTo("জন্ম নিবন্ধন");

        // A hospital birth with the hospital's record: both MDAs in parallel, each at its desk.
        Filed before = file("hospital", true);
        awaitTask(before, "health-directorate-desk");
        JsonNode caseFile = http.withBasicAuth("health-directorate-desk", OneDoorClient.PASSWORD)
                .getForObject("/api/officer/requests/{n}", JsonNode.class, before.number());
        assertThat(caseFile.path("documents").findValuesAsText("kind")).containsExactly("hospital-birth-record");

        // The designer sends hospital births up to the directorate's section head, and deploys.
        edit(TABLE, dmn -> dmn.replace("<outputEntry id=\"Out_HospitalBirth_levels\"><text>1</text>",
                "<outputEntry id=\"Out_HospitalBirth_levels\"><text>2</text>"));
        ResponseEntity<JsonNode> deployed = deploy();
        assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
        assertThat(deployed.getBody().path("deployed").findValuesAsText("key")).containsExactly("BirthRegistrationRouting");
        assertThat(deploy().getBody().path("deployed")).as("nothing changed since").isEmpty();

        Filed after = file("hospital", true);
        client.decide(after.number(), "health-directorate-desk", "approve", null);
        client.decide(after.number(), "health-directorate-head", "approve", "Confirmed with the hospital.");
        client.decide(after.number(), "city-corporation-desk", "approve", null);
        client.awaitState(after.number(), after.code(), "APPROVED");

        // The request filed before the change keeps its routing: the directorate's desk officer decides alone.
        client.decide(before.number(), "health-directorate-desk", "approve", null);
        client.decide(before.number(), "city-corporation-desk", "approve", null);
        client.awaitState(before.number(), before.code(), "APPROVED");
        assertThat(client.tasks("health-directorate-head", before.number(), "health-directorate-head")).isEmpty();

        // A table naming an MDA without a connector is refused, and nothing changes.
        String good = Files.readString(ROOT.resolve(TABLE));
        edit(TABLE, dmn -> dmn.replace("\"health-directorate\"", "\"registrar-general\""));
        ResponseEntity<JsonNode> refused = deploy();
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("processes.invalid");
        assertThat(refused.getBody().path("errors").get(0).path("path").asText())
                .isEqualTo("services/birth-registration/BirthRegistrationRouting.dmn");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .isEqualTo("rule Rule_HospitalBirth, output 'mda': MDA 'registrar-general' has no "
                        + "connectors/registrar-general/connector.yaml");
        assertThat(latestVersion("BirthRegistrationRouting")).isEqualTo(2);
        Files.writeString(ROOT.resolve(TABLE), good);

        // A home birth waits at the city corporation's desk on OfficerReview 1 while the common review changes.
        Filed waiting = file("home", false);
        awaitTask(waiting, "city-corporation-desk");
        edit("processes/common/OfficerReview.bpmn", bpmn -> bpmn.replace("name=\"Review request as desk officer\"",
                "name=\"Check the request as desk officer\""));
        assertThat(deploy().getBody().path("deployed").findValuesAsText("key")).containsExactly("OfficerReview");
        JsonNode versions = http.withBasicAuth("admin", OneDoorClient.PASSWORD)
                .getForObject("/api/admin/processes", JsonNode.class).path("processes");
        assertThat(versions.findParents("key").stream()
                .filter(v -> v.path("key").asText().equals("OfficerReview") && v.path("version").asInt() == 1)
                .findFirst().orElseThrow().path("instances").asLong()).isEqualTo(1);

        ResponseEntity<JsonNode> migrated = migrate("OfficerReview", "{\"fromVersion\": 1}");
        assertThat(migrated.getStatusCode().value()).as(String.valueOf(migrated.getBody())).isEqualTo(200);
        assertThat(migrated.getBody().path("toVersion").asInt()).isEqualTo(2);
        assertThat(migrated.getBody().path("instances").asLong()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(waiting.number())
                .processDefinitionKey("OfficerReview").singleResult().getProcessDefinitionId())
                .isEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey("OfficerReview")
                        .latestVersion().singleResult().getId());
        assertThat(migrate("OfficerReview", "{\"fromVersion\": 2}").getBody().path("code").asText())
                .isEqualTo("processes.migration-invalid");

        client.decide(waiting.number(), "city-corporation-desk", "approve", null);
        client.decide(waiting.number(), "city-corporation-head", "approve", null);
        client.awaitState(waiting.number(), waiting.code(), "APPROVED");
    }
}
