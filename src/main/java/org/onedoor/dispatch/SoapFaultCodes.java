package org.onedoor.dispatch;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.onedoor.dispatch.contract.PacketFault;

/**
 * A declared fault is a refusal the caller must fix: {@code soap:Client} with the HTTP status REST gives the same
 * code (400, 403, 404, 409, 422). Only what a retry can cure stays {@code soap:Server} with 500.
 */
class SoapFaultCodes extends AbstractSoapInterceptor {

    SoapFaultCodes() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof PacketFault refused && refused.status() < 500) {
                fault.setFaultCode(message.getVersion().getSender());
                fault.setStatusCode(refused.status());
                message.put(Message.RESPONSE_CODE, refused.status());
                return;
            }
        }
    }
}
