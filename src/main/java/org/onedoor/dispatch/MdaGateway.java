package org.onedoor.dispatch;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.xml.ws.WebServiceException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.mda.Connector;
import org.onedoor.packet.SignedPacket;
import org.springframework.stereotype.Component;

/**
 * Hands a packet to its MDA's route and returns the MDA's signed receipt. What the route could not deliver comes
 * back as one of two exceptions, whatever the transport: {@link DeliveryRefusedException} when the MDA's system
 * said no (HTTP 4xx with a problem, a declared SOAP fault), {@link DeliveryFailedException} for everything a
 * retry may cure.
 */
@Component
class MdaGateway {

    static final String ENDPOINT = "onedoorEndpoint";

    private final ProducerTemplate producer;
    private final ObjectMapper json;

    MdaGateway(ProducerTemplate producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    SignedPacket deliver(OutboundPacket packet) {
        Exchange result = producer.send(DeliveryRoutes.uri(packet.connector().code()), exchange -> {
            exchange.setProperty(ENDPOINT, packet.endpoint());
            exchange.getMessage().setBody(packet);
        });
        Exception failure = result.getException();
        if (failure == null) {
            return result.getMessage().getBody(SignedPacket.class);
        }
        throw translate(packet, failure);
    }

    private RuntimeException translate(OutboundPacket packet, Exception failure) {
        Connector connector = packet.connector();
        if (failure instanceof DeliveryFailedException failed) {
            return failed;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PacketFault fault) {
                return new DeliveryRefusedException(connector.name().en(), fault.getFaultInfo().getCode(),
                        fault.getFaultInfo().getDetail());
            }
        }
        if (failure instanceof HttpOperationFailedException http && http.getStatusCode() >= 400 && http.getStatusCode() < 500) {
            JsonNode problem = problem(http.getResponseBody());
            return new DeliveryRefusedException(connector.name().en(), problem.path("code").asText(null),
                    problem.path("detail").asText("HTTP " + http.getStatusCode()));
        }
        String reason = failure instanceof WebServiceException && failure.getCause() != null
                ? failure.getCause().toString() : failure.toString();
        return new DeliveryFailedException("Delivery to " + connector.code() + " at " + packet.endpoint() + " failed: "
                + reason, failure);
    }

    private JsonNode problem(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
