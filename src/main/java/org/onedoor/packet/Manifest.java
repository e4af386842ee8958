package org.onedoor.packet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signed part of a packet: who sends what to whom about which request, and the digest of every document
 * that travels beside it. Serialised canonically (RFC 8785) before signing.
 */
public record Manifest(
        UUID packetId,
        PacketType type,
        String trackingNumber,
        String serviceCode,
        String sender,
        String recipient,
        Instant createdAt,
        Map<String, Object> payload,
        List<DocumentEntry> documents) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public Manifest {
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        payload = payload == null ? Map.of() : payload;
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** One document beside the manifest; {@code name} is the multipart part or MTOM attachment name. */
    public record DocumentEntry(String name, String mediaType, long size, String sha256) {
    }

    /** Times in manifests and payloads: UTC with milliseconds, e.g. {@code 2026-11-22T10:15:30.000Z}. */
    public static String formatTime(Instant time) {
        return TIME.format(time);
    }

    /** The exact bytes that are signed. */
    public byte[] canonicalBytes() {
        ObjectNode node = CanonicalJson.STRICT.createObjectNode();
        node.put("packetId", packetId.toString());
        node.put("type", type.wireName());
        node.put("trackingNumber", trackingNumber);
        node.put("serviceCode", serviceCode);
        node.put("sender", sender);
        node.put("recipient", recipient);
        node.put("createdAt", TIME.format(createdAt));
        node.set("payload", CanonicalJson.STRICT.valueToTree(payload));
        ArrayNode docs = node.putArray("documents");
        for (DocumentEntry d : documents) {
            ObjectNode doc = docs.addObject();
            doc.put("name", d.name());
            doc.put("mediaType", d.mediaType());
            doc.put("size", d.size());
            doc.put("sha256", d.sha256());
        }
        return CanonicalJson.serialize(node);
    }

    /** Reads a manifest that must already be canonical; any deviation is a {@link PacketException}. */
    public static Manifest fromCanonical(byte[] bytes) {
        JsonNode node;
        try {
            node = CanonicalJson.parse(bytes);
        } catch (java.io.IOException e) {
            throw new PacketException("packet.malformed", looksLikeBase64(bytes)
                    ? "The manifest is base64: send the manifest's own bytes, the signed JSON, as they are."
                    : "The manifest is not JSON (or repeats a member): send the exact bytes that were signed.");
        }
        if (!java.util.Arrays.equals(bytes, CanonicalJson.serialize(node))) {
            throw new PacketException("packet.not-canonical",
                    "The manifest is not in RFC 8785 canonical form (sorted members, no white space).");
        }
        return fromTree(node);
    }

    /** Checked against the published manifest schema, then read: the contract and this code are one. */
    private static Manifest fromTree(JsonNode node) {
        List<String> problems = ContractSchemas.manifest(node);
        if (!problems.isEmpty()) {
            throw new PacketException("packet.schema", "The manifest breaks the packet schema "
                    + "(/api/mda/schemas/manifest.schema.json): " + String.join("; ", problems));
        }
        List<DocumentEntry> documents = new ArrayList<>();
        for (JsonNode d : node.path("documents")) {
            documents.add(new DocumentEntry(d.path("name").asText(), d.path("mediaType").asText(), d.path("size").asLong(),
                    d.path("sha256").asText()));
        }
        Set<String> names = new HashSet<>();
        if (!documents.stream().allMatch(d -> names.add(d.name()))) {
            throw new PacketException("packet.schema", "The manifest names a document twice.");
        }
        Instant createdAt;
        try {
            createdAt = Instant.from(TIME.parse(node.path("createdAt").asText()));
        } catch (DateTimeParseException e) {
            throw new PacketException("packet.schema", "createdAt: must be UTC with milliseconds, e.g. 2026-11-22T10:15:30.000Z");
        }
        Map<String, Object> payload = CanonicalJson.STRICT.convertValue(node.path("payload"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        return new Manifest(UUID.fromString(node.path("packetId").asText()),
                PacketType.ofWireName(node.path("type").asText()).orElseThrow(), node.path("trackingNumber").asText(),
                node.path("serviceCode").asText(), node.path("sender").asText(), node.path("recipient").asText(),
                createdAt, payload, documents);
    }

    private static boolean looksLikeBase64(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).trim();
        return text.length() > 16 && text.matches("[A-Za-z0-9+/=\\s]+");
    }
}
