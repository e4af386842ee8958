package org.onedoor.dispatch;

import java.util.Locale;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * OneDoor's SOAP endpoint answers in the packaging it was called with: MTOM ({@code multipart/related}) to a client
 * that sent MTOM, plain {@code text/xml} to one that sent a plain envelope (curl, a client without attachments),
 * so that a caller never has to take apart a MIME reply it did not ask for. Either way the receipt's two small
 * fields travel inline in base64 ({@link MdaSoapService}'s MTOM threshold): the reply is the envelope, in MTOM its
 * root part.
 */
class MtomLikeTheRequest extends AbstractPhaseInterceptor<Message> {

    MtomLikeTheRequest() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        Message request = message.getExchange().getInMessage();
        String contentType = request == null ? null : (String) request.get(Message.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            message.put(Message.MTOM_ENABLED, Boolean.FALSE);
        }
    }
}
