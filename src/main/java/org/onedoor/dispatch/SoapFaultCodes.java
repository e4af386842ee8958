package org.onedoor.dispatch;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every SOAP fault OneDoor sends says what REST would: a declared fault is a refusal the caller must fix,
 * {@code soap:Client} with the HTTP status REST gives the same code (400, 403, 404, 409, 422); a SOAP request CXF
 * cannot read is {@code soap:Client} {@code request.malformed}; anything else is {@code soap:Server} 500
 * {@code internal.error}, which a retry may cure. No Java or parser message reaches the caller.
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
            if (t instanceof PacketFault declared) {
                if (declared.status() < 500) {
                    fault.setFaultCode(message.getVersion().getSender());
                }
                respond(message, fault, declared.status());
                return;
            }
        }
        boolean unreadable = fault.getFaultCode() != null
                && fault.getFaultCode().getLocalPart().equalsIgnoreCase(message.getVersion().getSender().getLocalPart())
                || Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode());
        String code = unreadable ? "request.malformed" : "internal.error";
        String text = unreadable ? "The request is not a SOAP message of this contract (see /ws/mda?wsdl)."
                : "OneDoor could not complete the request.";
        fault.setFaultCode(unreadable ? message.getVersion().getSender() : message.getVersion().getReceiver());
        fault.setMessage(text);
        fault.setDetail(problem(code, text));
        respond(message, fault, unreadable ? 400 : 500);
    }

    private static void respond(SoapMessage message, Fault fault, int status) {
        fault.setStatusCode(status);
        message.put(Message.RESPONSE_CODE, status);
    }

    /** The same detail element as a declared fault: {@code <problem><code/><detail/></problem>}. */
    private static Element problem(String code, String text) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element detail = document.createElement("detail");
            Element problem = document.createElementNS(SoapPacket.NAMESPACE, "problem");
            Element codeElement = document.createElement("code");
            codeElement.setTextContent(code);
            Element textElement = document.createElement("detail");
            textElement.setTextContent(text);
            problem.appendChild(codeElement);
            problem.appendChild(textElement);
            detail.appendChild(problem);
            return detail;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM", e);
        }
    }
}
