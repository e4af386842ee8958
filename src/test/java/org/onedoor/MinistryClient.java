package org.onedoor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.onedoor.dispatch.contract.OneDoorMdaPort;
import org.onedoor.dispatch.contract.SoapPacket;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketSigner;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.Sha256;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the tests do in a ministry's place, as its developer would from the published contracts: sign packets
 * with the MDA's development key and send them to OneDoor over REST ({@code /api/mda/...}) or SOAP
 * ({@code /ws/mda}).
 */
public class MinistryClient {

    private final TestRestTemplate http;
    private final int port;

    public MinistryClient(TestRestTemplate http, int port) {
        this.http = http;
        this.port = port;
    }

    public static PacketSigner signer(String party) {
        return PacketSigner.load(party, new FileSystemResource("certs/dev/" + party + ".key.pem"),
                new FileSystemResource("certs/dev/" + party + ".pem"), new char[0]);
    }

    /** A packet from {@code sender} to OneDoor, signed with {@code signedBy}'s key, with documents by name. */
    public static SignedPacket packet(String signedBy, String sender, PacketType type, String trackingNumber,
            Map<String, Object> payload, Map<String, byte[]> documents) {
        return packet(UUID.randomUUID(), signedBy, sender, type, trackingNumber, payload, documents);
    }

    /** A packet with a given id: the same id as an earlier packet, with other bytes, is a replay. */
    public static SignedPacket packet(UUID packetId, String signedBy, String sender, PacketType type,
            String trackingNumber, Map<String, Object> payload, Map<String, byte[]> documents) {
        List<Manifest.DocumentEntry> entries = documents.entrySet().stream()
                .map(d -> new Manifest.DocumentEntry(d.getKey(), "text/plain", d.getValue().length, Sha256.hex(d.getValue())))
                .toList();
        return signer(signedBy).sign(new Manifest(packetId, type, trackingNumber, "trade-licence", sender,
                "odsc", Instant.now(), payload, entries));
    }

    public static SignedPacket packet(String mda, PacketType type, String trackingNumber, Map<String, Object> payload) {
        return packet(mda, mda, type, trackingNumber, payload, Map.of());
    }

    /** A payload answering the request packet {@code inReplyTo}, with further members as name, value pairs. */
    public static Map<String, Object> payload(String inReplyTo, Object... pairs) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("inReplyTo", inReplyTo);
        for (int i = 0; i < pairs.length; i += 2) {
            payload.put((String) pairs[i], pairs[i + 1]);
        }
        return payload;
    }

    public static UUID idOf(SignedPacket packet) {
        return UUID.fromString(OneDoorClient.manifestOf(OneDoorClient.json(packet.toJson())).path("packetId").asText());
    }

    /** {@code POST /api/mda/<operation>} with the packet in the multipart wire form. */
    public ResponseEntity<JsonNode> post(String operation, SignedPacket packet) {
        return post(operation, packet.manifest(), packet.signature(), Map.of());
    }

    public ResponseEntity<JsonNode> post(String operation, SignedPacket packet, Map<String, byte[]> documents) {
        return post(operation, packet.manifest(), packet.signature(), documents);
    }

    public ResponseEntity<JsonNode> post(String operation, byte[] manifest, byte[] signature, Map<String, byte[]> documents) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (manifest != null) {
            parts.add("manifest", part(manifest, MediaType.APPLICATION_JSON));
        }
        if (signature != null) {
            parts.add("signature", part(signature, MediaType.parseMediaType("application/pkcs7-signature")));
        }
        documents.forEach((name, content) -> parts.add(name, part(content, MediaType.TEXT_PLAIN)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/mda/" + operation, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    /** OneDoor's SOAP endpoint for MDA systems. */
    public OneDoorMdaPort soap() {
        return SoapPacket.client(OneDoorMdaPort.class, "http://localhost:" + port + "/ws/mda");
    }

    /** The manifest of OneDoor's receipt as SOAP returns it. */
    public static JsonNode receipt(SoapPacket receipt) {
        return OneDoorClient.manifestOf(OneDoorClient.json(new SignedPacket(receipt.getManifest(),
                receipt.getSignature()).toJson()));
    }

    private static HttpEntity<byte[]> part(byte[] content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(content, headers);
    }
}
