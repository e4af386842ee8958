package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onedoor.system.OneDoorException.Violation;

/** The published schemas are the ones the code validates with, and say what is wrong where. */
class ContractSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theManifestSchemaNamesExactlyThePacketTypesTheCodeKnows() throws Exception {
        JsonNode schema = JSON.readTree(ContractSchemas.file(ContractSchemas.MANIFEST).orElseThrow().getInputStream());
        Set<String> published = StreamSupport.stream(
                schema.path("properties").path("type").path("enum").spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toSet());
        assertThat(published).isEqualTo(Arrays.stream(PacketType.values()).map(PacketType::wireName).collect(Collectors.toSet()));
        for (PacketType type : PacketType.values()) {
            assertThat(ContractSchemas.file(ContractSchemas.payloadSchema(type))).as(type + " has a payload schema").isPresent();
        }
    }

    /** Walks a schema: every keyword of every (sub)schema, not the names of the properties it defines. */
    private static void keywords(JsonNode schema, Set<String> found) {
        schema.fields().forEachRemaining(member -> {
            found.add(member.getKey());
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "properties", "$defs" -> value.elements().forEachRemaining(sub -> keywords(sub, found));
                case "items", "if", "then", "additionalProperties" -> {
                    if (value.isObject()) {
                        keywords(value, found);
                    }
                }
                case "anyOf" -> value.elements().forEachRemaining(sub -> keywords(sub, found));
                default -> { }
            }
        });
    }

    @Test
    void everyKeywordThatCanFailHasADocumentedCode() throws Exception {
        Set<String> found = new TreeSet<>();
        for (String name : Stream.concat(Stream.of(ContractSchemas.MANIFEST),
                Arrays.stream(PacketType.values()).map(ContractSchemas::payloadSchema)).toList()) {
            keywords(JSON.readTree(ContractSchemas.file(name).orElseThrow().getInputStream()), found);
        }
        found.removeAll(ContractSchemas.STRUCTURE);
        assertThat(ContractSchemas.CODES).containsKeys(found.toArray(String[]::new));
        String guide = Files.readString(Path.of("docs/integrators.md"));
        for (String code : Set.copyOf(ContractSchemas.CODES.values())) {
            assertThat(guide).as("docs/integrators.md explains the inner code " + code).contains("`" + code + "`");
        }
    }

    @Test
    void aValidDecisionPasses() {
        assertThat(ContractSchemas.payload(PacketType.DECISION,
                json("{\"inReplyTo\":\"6f1c0a5e-1b2c-4d3e-8f90-a1b2c3d4e5f6\",\"outcome\":\"approved\"}"))).isEmpty();
    }

    @Test
    void eachProblemHasItsPathAndCode() {
        Map<String, String> problems = ContractSchemas.payload(PacketType.DECISION,
                json("{\"inReplyTo\":\"x\",\"outcome\":\"maybe\",\"extra\":1}")).stream()
                .collect(Collectors.toMap(Violation::path, Violation::code));
        assertThat(problems).containsEntry("payload.inReplyTo", "pattern").containsEntry("payload.outcome", "choice")
                .containsEntry("payload.extra", "unknown");
        assertThat(ContractSchemas.payload(PacketType.DECISION, json("{\"inReplyTo\":\"6f1c0a5e-1b2c-4d3e-8f90-a1b2c3d4e5f6\","
                + "\"outcome\":\"rejected\"}"))).extracting(Violation::path, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payload.reason", "required"));
        assertThat(ContractSchemas.payload(PacketType.ACKNOWLEDGEMENT, json("{\"inReplyTo\":\"6f1c0a5e-1b2c-4d3e-8f90-a1b2c3d4e5f6\","
                + "\"outcome\":\"accepted\",\"caseNumber\":\"FS-1\",\"expectedCompletion\":\"soon\"}")))
                .extracting(Violation::path, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payload.expectedCompletion", "format"));
    }

    @Test
    void aManifestProblemSaysWhichMember() {
        assertThat(ContractSchemas.manifest(json("{\"packetId\":\"6f1c0a5e-1b2c-4d3e-8f90-a1b2c3d4e5f6\",\"type\":\"status\","
                + "\"trackingNumber\":\"\",\"serviceCode\":\"s\",\"sender\":\"fire-service\",\"recipient\":\"odsc\","
                + "\"createdAt\":\"2026-11-22T10:15:30.000Z\",\"payload\":{},\"documents\":[]}")))
                .singleElement().asString().startsWith("trackingNumber: ");
    }
}
