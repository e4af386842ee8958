package org.onedoor.dispatch;

import org.onedoor.mda.Connector;
import org.onedoor.dispatch.contract.SoapPacket;
import org.onedoor.dispatch.contract.MdaSystemPort;
import org.onedoor.dispatch.contract.PacketFault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import org.apache.camel.Exchange;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.onedoor.packet.SignedPacket;
import org.springframework.stereotype.Component;

/**
 * The SOAP wire form in the route: a CXF JAX-WS client of {@link MdaSystemPort} with MTOM, one per MDA and
 * address, with the connector's timeouts.
 */
@Component
class SoapWire {

    private final Map<String, MdaSystemPort> clients = new ConcurrentHashMap<>();

    void deliver(Exchange exchange) throws PacketFault {
        OutboundPacket outbound = exchange.getMessage().getBody(OutboundPacket.class);
        List<SoapPacket.Document> documents = outbound.documents().stream()
                .map(d -> new SoapPacket.Document(d.name(), new DataHandler(new StoredDataSource(d))))
                .toList();
        SoapPacket receipt = client(outbound.connector(), outbound.endpoint())
                .deliver(new SoapPacket(outbound.packet().manifest(), outbound.packet().signature(), documents));
        exchange.getMessage().setBody(new SignedPacket(receipt.getManifest(), receipt.getSignature()));
    }

    /** An MTOM attachment CXF streams from the store while it writes the request (chunked), at each attempt. */
    private record StoredDataSource(OutboundPacket.Attachment document) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return document.content().getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            // DataSource's contract for content that is only read: documents going out are never written here.
            throw new IOException("a stored document is not written through its packet");
        }

        @Override
        public String getContentType() {
            return document.mediaType();
        }

        @Override
        public String getName() {
            return document.name();
        }
    }

    private MdaSystemPort client(Connector connector, String endpoint) {
        return clients.computeIfAbsent(connector.code() + " " + endpoint, key -> {
            MdaSystemPort port = SoapPacket.client(MdaSystemPort.class, endpoint);
            Client client = ClientProxy.getClient(port);
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(connector.timeouts().connectDuration().toMillis());
            policy.setReceiveTimeout(connector.timeouts().responseDuration().toMillis());
            ((HTTPConduit) client.getConduit()).setClient(policy);
            return port;
        });
    }
}
