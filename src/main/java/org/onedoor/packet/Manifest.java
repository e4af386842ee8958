package org.onedoor.packet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
    private static final Pattern PARTY = Pattern.compile("[a-z][a-z0-9-]{1,40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("packetId", "type", "trackingNumber", "serviceCode", "sender",
            "recipient", "createdAt", "payload", "documents");

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
    static Manifest fromCanonical(byte[] bytes) {
        JsonNode node;
        try {
            node = CanonicalJson.parse(bytes);
        } catch (java.io.IOException e) {
            throw new PacketException("packet.malformed", "The manifest is not JSON: " + e.getMessage());
        }
        if (!java.util.Arrays.equals(bytes, CanonicalJson.serialize(node))) {
            throw new PacketException("packet.not-canonical",
                    "The manifest is not in RFC 8785 canonical form (sorted members, no white space).");
        }
        return fromTree(node);
    }

    private static Manifest fromTree(JsonNode node) {
        List<String> problems = new ArrayList<>();
        if (!node.isObject()) {
            throw new PacketException("packet.schema", "The manifest must be a JSON object.");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(field + ": unknown field");
            }
        }
        UUID packetId = null;
        try {
            packetId = UUID.fromString(text(node, "packetId", problems));
            if (!packetId.toString().equals(node.path("packetId").asText())) {
                problems.add("packetId: must be a lower-case UUID");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("packetId: must be a UUID");
        }
        PacketType type = PacketType.ofWireName(node.path("type").asText()).orElse(null);
        if (type == null) {
            problems.add("type: must be one of request, receipt, acknowledgement, decision, info-request, status");
        }
        String trackingNumber = text(node, "trackingNumber", problems);
        String serviceCode = text(node, "serviceCode", problems);
        String sender = party(node, "sender", problems);
        String recipient = party(node, "recipient", problems);
        Instant createdAt = null;
        try {
            String time = text(node, "createdAt", problems);
            if (time != null) {
                createdAt = Instant.from(TIME.parse(time));
            }
        } catch (DateTimeParseException e) {
            problems.add("createdAt: must be UTC with milliseconds, e.g. 2026-11-22T10:15:30.000Z");
        }
        if (!node.path("payload").isObject()) {
            problems.add("payload: must be an object");
        }
        List<DocumentEntry> documents = documents(node.path("documents"), problems);
        if (!problems.isEmpty()) {
            throw new PacketException("packet.schema", "The manifest breaks the packet schema: " + String.join("; ", problems));
        }
        Map<String, Object> payload = CanonicalJson.STRICT.convertValue(node.path("payload"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        return new Manifest(packetId, type, trackingNumber, serviceCode, sender, recipient, createdAt, payload, documents);
    }

    private static List<DocumentEntry> documents(JsonNode array, List<String> problems) {
        List<DocumentEntry> documents = new ArrayList<>();
        if (!array.isArray()) {
            problems.add("documents: must be an array");
            return documents;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode d = array.get(i);
            String at = "documents[" + i + "]";
            String name = d.path("name").asText("");
            if (name.isEmpty() || !names.add(name)) {
                problems.add(at + ".name: must be present and unique");
            }
            if (!d.path("mediaType").isTextual()) {
                problems.add(at + ".mediaType: must be a media type");
            }
            if (!d.path("size").canConvertToLong() || d.path("size").asLong() < 0) {
                problems.add(at + ".size: must be a byte count");
            }
            if (!SHA256.matcher(d.path("sha256").asText("")).matches()) {
                problems.add(at + ".sha256: must be 64 lower-case hex digits");
            }
            if (d.size() != 4) {
                problems.add(at + ": must have exactly name, mediaType, size and sha256");
            }
            documents.add(new DocumentEntry(name, d.path("mediaType").asText(), d.path("size").asLong(),
                    d.path("sha256").asText()));
        }
        return documents;
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            problems.add(field + ": must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    private static String party(JsonNode node, String field, List<String> problems) {
        String value = text(node, field, problems);
        if (value != null && !PARTY.matcher(value).matches()) {
            problems.add(field + ": must be a party code such as odsc or land-office");
        }
        return value;
    }
}
