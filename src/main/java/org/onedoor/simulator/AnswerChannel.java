package org.onedoor.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.xml.ws.WebServiceException;
import org.onedoor.dispatch.contract.OneDoorMdaPort;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * How a simulated MDA answers OneDoor: over REST to {@code /api/mda/...} or over SOAP to {@code /ws/mda}, as
 * the published contracts describe. A refusal is final and logged, except {@code packet.clock-skew}: an answer that
 * waited in the outbox past OneDoor's clock window is {@link Stale}, signed anew by the caller as the integrator guide
 * says. Anything else is {@link NotTaken}, retried by the caller.
 */
public class AnswerChannel {

    private static final Logger log = LoggerFactory.getLogger(AnswerChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STALE = "packet.clock-skew";

    private final Supplier<String> oneDoorUrl;
    private final RestClient rest;
    private final Map<String, OneDoorMdaPort> soap = new ConcurrentHashMap<>();

    /** {@code oneDoorUrl} is asked at each answer: in the demo it holds the server's port, known only once it runs. */
    public AnswerChannel(Supplier<String> oneDoorUrl, RestClient.Builder rest) {
        this.oneDoorUrl = oneDoorUrl;
        this.rest = rest.build();
    }

    void send(SimulatedMdas.Transport transport, PacketType type, SignedPacket packet, Map<String, byte[]> documents) {
        if (transport == SimulatedMdas.Transport.SOAP) {
            sendSoap(type, packet, documents);
        } else {
            sendRest(type, packet, documents);
        }
    }

    private void sendRest(PacketType type, SignedPacket packet, Map<String, byte[]> documents) {
        MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
        form.add("manifest", part(MediaType.APPLICATION_JSON, packet.manifest()));
        form.add("signature", part(MediaType.parseMediaType("application/pkcs7-signature"), packet.signature()));
        documents.forEach((name, content) -> {
            // A file part, as the contract asks: a part without a file name is a form field, held to 2 MB.
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_PDF);
            headers.setContentDispositionFormData(name, name + ".pdf");
            form.add(name, new HttpEntity<>(content, headers));
        });
        String path = switch (type) {
            case ACKNOWLEDGEMENT -> "acknowledgements";
            case INFO_REQUEST -> "information-requests";
            case DECISION -> "decisions";
            default -> "status-updates";
        };
        try {
            rest.post().uri(oneDoorUrl.get() + "/api/mda/" + path).contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException refused) {
            JsonNode problem = problem(refused.getResponseBodyAsString());
            refused(type, problem.path("code").asText(), problem.path("detail").asText(refused.getResponseBodyAsString()));
        } catch (RestClientException e) {
            throw new NotTaken("OneDoor did not take the " + type.wireName() + ": " + e.getMessage(), e);
        }
    }

    private static void refused(PacketType type, String code, String detail) {
        if (STALE.equals(code)) {
            throw new Stale("OneDoor refused the " + type.wireName() + " as too old: " + detail);
        }
        log.error("OneDoor refused the {}: {} {}", type.wireName(), code, detail);
    }

    private static JsonNode problem(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** OneDoor could not take the answer now (unreachable, a server error): the MDA sends it again later. */
    static class NotTaken extends RuntimeException {
        NotTaken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** OneDoor refused the answer as created outside its clock window: the MDA signs it again, same packet id. */
    static class Stale extends NotTaken {
        Stale(String message) {
            super(message, null);
        }
    }

    private static HttpEntity<byte[]> part(MediaType type, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(content, headers);
    }

    private void sendSoap(PacketType type, SignedPacket packet, Map<String, byte[]> documents) {
        List<SoapPacket.Document> attachments = documents.entrySet().stream()
                .map(d -> new SoapPacket.Document(d.getKey(), new DataHandler(new ByteArrayDataSource(d.getValue(), "application/pdf"))))
                .toList();
        SoapPacket message = new SoapPacket(packet.manifest(), packet.signature(), attachments);
        OneDoorMdaPort port = soap.computeIfAbsent(oneDoorUrl.get(),
                url -> SoapPacket.client(OneDoorMdaPort.class, url + "/ws/mda"));
        try {
            switch (type) {
                case ACKNOWLEDGEMENT -> port.acknowledge(message);
                case INFO_REQUEST -> port.requestInformation(message);
                case DECISION -> port.decide(message);
                default -> port.updateStatus(message);
            }
        } catch (PacketFault refused) {
            refused(type, refused.getFaultInfo().getCode(), refused.getFaultInfo().getDetail());
        } catch (WebServiceException e) {
            throw new NotTaken("OneDoor did not take the " + type.wireName() + ": " + e.getMessage(), e);
        }
    }
}
