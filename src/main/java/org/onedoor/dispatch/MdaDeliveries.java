package org.onedoor.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.xml.ws.WebServiceException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.onedoor.documents.DocumentStore;
import org.onedoor.intake.ServiceRequests;
import org.onedoor.intake.ServiceRequests.FiledRequest;
import org.onedoor.intake.ServiceRequests.ReceivedDocument;
import org.onedoor.messagelog.MessageLog;
import org.onedoor.packet.Manifest;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.PacketSigner;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.PacketVerifier;
import org.onedoor.packet.SignedPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Request packets to MDA systems. {@link #prepare} fixes the packet id before the first attempt; {@link #send}
 * runs in the delivery job's transaction, once per attempt, always with that id, and returns only when the MDA
 * has given its signed receipt. Both join the caller's (the process engine's) transaction.
 */
@Service
public class MdaDeliveries {

    private static final Logger log = LoggerFactory.getLogger(MdaDeliveries.class);

    private final ConnectorRegistry connectors;
    private final ServiceRequests requests;
    private final DocumentStore documents;
    private final PacketSigner signer;
    private final PacketVerifier verifier;
    private final MessageLog messageLog;
    private final ApplicationEventPublisher events;
    private final MdaGateway gateway;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    MdaDeliveries(ConnectorRegistry connectors, ServiceRequests requests, DocumentStore documents, PacketSigner signer,
            PacketVerifier verifier, MessageLog messageLog, ApplicationEventPublisher events, MdaGateway gateway, JdbcClient jdbc,
            ObjectMapper json, Clock clock) {
        this.connectors = connectors;
        this.requests = requests;
        this.documents = documents;
        this.signer = signer;
        this.verifier = verifier;
        this.messageLog = messageLog;
        this.events = events;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records the delivery of a request to an MDA and returns the packet id every attempt will carry. */
    public UUID prepare(String trackingNumber, String mdaCode) {
        Connector connector = connectors.get(mdaCode);
        if (!connector.mode().hasSystem()) {
            throw new IllegalStateException("MDA '" + mdaCode + "' works in the task list; it has no system to send to.");
        }
        UUID packetId = UUID.randomUUID();
        jdbc.sql("""
                insert into mda_delivery (packet_id, tracking_number, mda_code, prepared_at)
                values (?, ?, ?, ?)""")
                .params(packetId.toString(), trackingNumber, mdaCode, Timestamp.from(clock.instant())).update();
        return packetId;
    }

    /**
     * One attempt. The delivery row stays locked until the job commits, so that an answer from the MDA that
     * overtakes this commit waits for it (see {@link MdaAnswers}). Each attempt signs anew (a fresh creation
     * time) with the same packet id; the attempt that succeeds is in the message log with the MDA's receipt.
     *
     * @throws DeliveryRefusedException the MDA refused the packet: a business outcome for the process
     * @throws DeliveryFailedException  the MDA could not be reached or answered nonsense: for the job's retries
     */
    public void send(UUID packetId) {
        String id = packetId.toString();
        Row row = jdbc.sql("select tracking_number, mda_code, sent_at from mda_delivery where packet_id = ? for update")
                .param(id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null)).single();
        Connector connector = connectors.get(row.mdaCode());
        FiledRequest request = requests.find(row.trackingNumber()).orElseThrow();
        List<OutboundPacket.Attachment> attachments = new ArrayList<>();
        List<Manifest.DocumentEntry> entries = new ArrayList<>();
        for (ReceivedDocument d : requests.documents(row.trackingNumber())) {
            entries.add(new Manifest.DocumentEntry(d.kind(), d.mediaType(), d.size(), d.sha256()));
            attachments.add(new OutboundPacket.Attachment(d.kind(), d.mediaType(), documents.load(d.sha256())));
        }
        Map<String, Object> payload = requests.particulars(row.trackingNumber());
        Manifest manifest = new Manifest(packetId, PacketType.REQUEST, row.trackingNumber(), request.serviceCode(),
                signer.party(), connector.code(), clock.instant(), payload, entries);
        SignedPacket packet = signer.sign(manifest);
        // Logged in the job's transaction once the MDA has answered: a second transaction would hold a second
        // pooled connection, and logging before the call would hold the log's head lock during it.
        Runnable logSent = () -> messageLog.append(new MessageLog.Entry(MessageLog.Direction.OUT, connector.code(), id,
                PacketType.REQUEST.wireName(), row.trackingNumber(), packet.manifest(), packet.signature()));

        String endpoint = connectors.endpoint(connector);
        SignedPacket receipt;
        try {
            receipt = gateway.deliver(new OutboundPacket(connector, endpoint, packet, attachments));
        } catch (PacketFault fault) {
            logSent.run();
            throw new DeliveryRefusedException(connector.name().en(), fault.getFaultInfo().getCode(),
                    fault.getFaultInfo().getDetail());
        } catch (HttpOperationFailedException e) {
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                logSent.run();
                JsonNode problem = problem(e.getResponseBody());
                throw new DeliveryRefusedException(connector.name().en(), problem.path("code").asText(null),
                        problem.path("detail").asText("HTTP " + e.getStatusCode()));
            }
            throw failed(connector, endpoint, e);
        } catch (DeliveryFailedException e) {
            throw e;
        } catch (Exception e) {
            throw failed(connector, endpoint, e);
        }
        logSent.run();
        accept(connector, packetId, row, receipt);
    }

    private void accept(Connector connector, UUID packetId, Row row, SignedPacket receipt) {
        Manifest answer;
        try {
            answer = verifier.verify(receipt, Map.of(), signer.party());
        } catch (PacketException e) {
            throw new DeliveryFailedException(connector.code() + " answered with a receipt OneDoor cannot accept ("
                    + e.code() + "): " + e.getMessage(), e);
        }
        if (!answer.sender().equals(connector.code()) || answer.type() != PacketType.RECEIPT
                || !packetId.toString().equals(answer.payload().get("receivedPacketId"))) {
            throw new DeliveryFailedException("The receipt from " + connector.code() + " does not acknowledge packet "
                    + packetId + ".", null);
        }
        messageLog.append(new MessageLog.Entry(MessageLog.Direction.IN, connector.code(), answer.packetId().toString(),
                PacketType.RECEIPT.wireName(), row.trackingNumber(), receipt.manifest(), receipt.signature()));
        if ("refused".equals(answer.payload().get("outcome"))) {
            throw new DeliveryRefusedException(connector.name().en(), null, String.valueOf(answer.payload().get("reason")));
        }
        jdbc.sql("update mda_delivery set sent_at = coalesce(sent_at, ?) where packet_id = ?")
                .params(Timestamp.from(clock.instant()), packetId.toString()).update();
        if (!row.sent()) {
            events.publishEvent(new RequestDelivered(row.trackingNumber(), connector.code(), connector.name().en()));
        }
        log.info("Delivered {} for {} to {}", packetId, row.trackingNumber(), connector.code());
    }

    private record Row(String trackingNumber, String mdaCode, boolean sent) {
    }

    private JsonNode problem(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private static DeliveryFailedException failed(Connector connector, String endpoint, Exception e) {
        String reason = e instanceof WebServiceException && e.getCause() != null ? e.getCause().toString() : e.toString();
        return new DeliveryFailedException("Delivery to " + connector.code() + " at " + endpoint + " failed: " + reason, e);
    }
}
