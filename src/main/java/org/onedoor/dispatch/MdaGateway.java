package org.onedoor.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.onedoor.packet.SignedPacket;
import org.springframework.stereotype.Component;

/** Hands a packet to its MDA's route and returns the MDA's signed receipt, or throws the route's failure. */
@Component
class MdaGateway {

    static final String ENDPOINT = "onedoorEndpoint";

    private final ProducerTemplate producer;

    MdaGateway(ProducerTemplate producer) {
        this.producer = producer;
    }

    SignedPacket deliver(OutboundPacket packet) throws Exception {
        Exchange result = producer.send(DeliveryRoutes.uri(packet.connector().code()), exchange -> {
            exchange.setProperty(ENDPOINT, packet.endpoint());
            exchange.getMessage().setBody(packet);
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        return result.getMessage().getBody(SignedPacket.class);
    }
}
