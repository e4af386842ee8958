package org.onedoor.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.SignedPacket;
import org.springframework.stereotype.Component;

/**
 * The REST wire form in the route: the packet as {@code multipart/form-data} (part {@code manifest}, part
 * {@code signature}, one part per document) and the MDA's answer, a signed receipt as JSON.
 */
@Component
class RestWire {

    static final String MEDIA_SIGNATURE = "application/pkcs7-signature";

    private final ObjectMapper json;

    RestWire(ObjectMapper json) {
        this.json = json;
    }

    void toMultipart(Exchange exchange) {
        OutboundPacket outbound = exchange.getMessage().getBody(OutboundPacket.class);
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .addBinaryBody("manifest", outbound.packet().manifest(), ContentType.APPLICATION_JSON, "manifest.json")
                .addBinaryBody("signature", outbound.packet().signature(), ContentType.create(MEDIA_SIGNATURE),
                        "manifest.p7s");
        for (OutboundPacket.Attachment document : outbound.documents()) {
            form.addPart(document.name(), new StreamedBody(document));
        }
        HttpEntity entity = form.build();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, entity.getContentType());
        exchange.getMessage().setBody(entity);
    }

    /**
     * A document part read from the store while the request is written, with its length known: the multipart
     * entity stays repeatable (a redelivery reads the store again) and is never held in memory.
     */
    private static final class StreamedBody extends AbstractContentBody {
        private final OutboundPacket.Attachment document;

        StreamedBody(OutboundPacket.Attachment document) {
            super(ContentType.create(document.mediaType()));
            this.document = document;
        }

        @Override
        public String getFilename() {
            return document.name();
        }

        @Override
        public long getContentLength() {
            return document.size();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = document.content().getInputStream()) {
                in.transferTo(out);
            }
        }
    }

    /** A 2xx answer must be the MDA's signed receipt; anything else is a malformed reply, retried by the job. */
    void readReceipt(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        try {
            exchange.getMessage().setBody(SignedPacket.fromJson(json.readValue(body, Map.class)));
        } catch (IOException | PacketException e) {
            // Without the parser's IOException as cause: the route would take it for a transient failure.
            throw new DeliveryFailedException("The MDA answered HTTP " + exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)
                    + " without a signed receipt: " + e.getMessage(), null);
        }
    }
}
