package org.onedoor.dispatch;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * OneDoor's SOAP endpoint answers in the packaging it was called with: MTOM ({@code multipart/related}) to a client
 * that sent MTOM, plain {@code text/xml} to one that sent a plain envelope (curl, a client without attachments),
 * so that a caller never has to take apart a MIME reply it did not ask for.
 */
class MtomLikeTheRequest extends AbstractPhaseInterceptor<Message> {

    MtomLikeTheRequest() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        Message request = message.getExchange().getInMessage();
        String contentType = request == null ? null : (String) request.get(Message.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/related")) {
            message.put(Message.MTOM_ENABLED, Boolean.FALSE);
        }
    }
}
