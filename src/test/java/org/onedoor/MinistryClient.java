package org.onedoor;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * What the tests do in a ministry's place, as its developer would from the published contracts: sign packets
 * with the MDA's development key and send them to OneDoor over REST ({@code /api/mda/...}) or SOAP
 * ({@code /ws/mda}).
 */
public class MinistryClient {

    private static final HttpClient RAW = HttpClient.newHttpClient();

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
        return packet(packetId, signedBy, sender, type, trackingNumber, payload, documents, "text/plain");
    }

    /** A packet whose documents the manifest declares as {@code mediaType}. */
    public static SignedPacket packet(UUID packetId, String signedBy, String sender, PacketType type,
            String trackingNumber, Map<String, Object> payload, Map<String, byte[]> documents, String mediaType) {
        List<Manifest.DocumentEntry> entries = documents.entrySet().stream()
                .map(d -> new Manifest.DocumentEntry(d.getKey(), mediaType, d.getValue().length, Sha256.hex(d.getValue())))
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
        documents.forEach((name, content) -> {
            HttpHeaders file = new HttpHeaders();
            file.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            file.setContentDispositionFormData(name, name);
            parts.add(name, new HttpEntity<>(content, file));
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/mda/" + operation, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    /** OneDoor's SOAP endpoint for MDA systems. */
    public OneDoorMdaPort soap() {
        return SoapPacket.client(OneDoorMdaPort.class, "http://localhost:" + port + "/ws/mda");
    }

    /** What {@code /ws/mda} answered a raw SOAP request: the HTTP status, the body and, for a fault, its codes. */
    public record SoapReply(int status, String body, String faultCode, String code) {
    }

    /**
     * {@code POST /ws/mda} with the plain SOAP 1.1 envelope of {@code docs/integrators.md}, as a client without a
     * SOAP toolkit sends it: child elements unqualified, manifest, signature and documents inline in base64.
     */
    public SoapReply soapEnvelope(String operation, SignedPacket packet, Map<String, byte[]> documents) {
        StringBuilder body = new StringBuilder("<m:" + operation + "><packet><manifest>")
                .append(base64(packet.manifest())).append("</manifest><signature>").append(base64(packet.signature()))
                .append("</signature>");
        documents.forEach((name, content) -> body.append("<document name=\"").append(name).append("\"><content>")
                .append(base64(content)).append("</content></document>"));
        return soap("POST", "text/xml; charset=UTF-8", envelope(body.append("</packet></m:").append(operation)
                .append(">").toString()));
    }

    /** The same, as an MTOM client sends it: {@code multipart/related}, manifest, signature and documents attached. */
    public SoapReply soapMtom(String operation, SignedPacket packet, Map<String, byte[]> documents) {
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        attachments.put("manifest", packet.manifest());
        attachments.put("signature", packet.signature());
        StringBuilder body = new StringBuilder("<m:" + operation + "><packet>")
                .append("<manifest><xop:Include href=\"cid:manifest\"/></manifest>")
                .append("<signature><xop:Include href=\"cid:signature\"/></signature>");
        documents.forEach((name, content) -> {
            attachments.put("document-" + name, content);
            body.append("<document name=\"").append(name).append("\"><content><xop:Include href=\"cid:document-")
                    .append(name).append("\"/></content></document>");
        });
        String root = envelope(body.append("</packet></m:").append(operation).append(">").toString())
                .replace("<soap:Envelope ", "<soap:Envelope xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" ");
        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        mime.writeBytes(("--MIME\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <root>\r\n\r\n" + root + "\r\n").getBytes(StandardCharsets.UTF_8));
        attachments.forEach((id, content) -> {
            mime.writeBytes(("--MIME\r\nContent-Type: application/octet-stream\r\nContent-ID: <" + id + ">\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            mime.writeBytes(content);
            mime.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        mime.writeBytes("--MIME--\r\n".getBytes(StandardCharsets.UTF_8));
        return soap("POST", "multipart/related; type=\"application/xop+xml\"; start=\"<root>\"; start-info=\"text/xml\"; "
                + "boundary=\"MIME\"", HttpRequest.BodyPublishers.ofByteArray(mime.toByteArray()));
    }

    public static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:m=\""
                + SoapPacket.NAMESPACE + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /** Any request to {@code /ws/mda}; a fault's {@code faultcode} and the {@code code} of its detail are read out. */
    public SoapReply soap(String method, String contentType, String body) {
        return soap(method, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    private SoapReply soap(String method, String contentType, HttpRequest.BodyPublisher body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws/mda"));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body);
            HttpResponse<String> response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String faultCode = null;
            String code = null;
            if (response.body().contains("Fault>")) {
                // The envelope alone: in an MTOM reply it is the root part between the MIME headers and boundary.
                String xml = response.body().substring(response.body().indexOf("<soap:Envelope"),
                        response.body().indexOf("</soap:Envelope>") + "</soap:Envelope>".length());
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document reply = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
                faultCode = reply.getElementsByTagName("faultcode").item(0).getTextContent();
                Element problem = (Element) reply.getElementsByTagNameNS(SoapPacket.NAMESPACE, "problem").item(0);
                code = problem.getElementsByTagName("code").item(0).getTextContent();
            }
            return new SoapReply(response.statusCode(), response.body(), faultCode, code);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
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
