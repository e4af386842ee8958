package org.onedoor.dispatch;

import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every SOAP fault OneDoor sends says what REST would: a declared fault is a refusal the caller must fix,
 * {@code soap:Client} with the HTTP status REST gives the same code (400, 403, 404, 409, 422); a SOAP request CXF
 * cannot read (not XML, SOAP 1.2, no such operation) is {@code soap:Client} 400 {@code request.malformed}, one that
 * is not a POST 405 {@code request.method-not-allowed}; anything else is {@code soap:Server} 500
 * {@code internal.error}, which a retry may cure. No Java or parser message reaches the caller.
 */
class SoapFaultCodes extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SoapFaultCodes.class);

    /** What a fault is: its HTTP status and, unless the fault is declared ({@link PacketFault}), its code and text. */
    private record Verdict(int status, String code, String text) {
    }

    private final boolean codes;

    /**
     * Two passes: the status before anything is written (an MTOM reply commits it with its MIME prolog, in
     * PRE_STREAM), the fault code and detail after CXF has made the declared fault's detail (PRE_PROTOCOL).
     */
    static void install(List<Interceptor<? extends Message>> outFault) {
        outFault.add(new SoapFaultCodes(false));
        outFault.add(new SoapFaultCodes(true));
    }

    private SoapFaultCodes(boolean codes) {
        super(codes ? Phase.PRE_PROTOCOL : Phase.PREPARE_SEND);
        this.codes = codes;
        if (codes) {
            addAfter(WebFaultOutInterceptor.class.getName());
        }
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        Verdict verdict = verdict(message, fault);
        fault.setStatusCode(verdict.status());
        message.put(Message.RESPONSE_CODE, verdict.status());
        if (!codes) {
            return;
        }
        fault.setFaultCode(verdict.status() < 500 ? message.getVersion().getSender() : message.getVersion().getReceiver());
        if (verdict.code() != null) {
            if (verdict.status() >= 500) {
                log.error("SOAP request failed", fault);
            }
            fault.setMessage(verdict.text());
            fault.setDetail(problem(verdict.code(), verdict.text()));
        }
    }

    private static Verdict verdict(SoapMessage message, Fault fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof PacketFault declared) {
                return new Verdict(declared.status(), null, null);
            }
        }
        Message request = message.getExchange().getInMessage();
        if (request != null && !"POST".equals(request.get(Message.HTTP_REQUEST_METHOD))) {
            return new Verdict(405, "request.method-not-allowed",
                    "SOAP requests are POSTed; GET /ws/mda?wsdl gives the contract.");
        }
        for (Throwable t = fault; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (text.contains("limit") && text.contains("exceed")) {
                // CXF's StAX limits (onedoor.soap): the envelope is too deep, too long or has too many elements.
                return new Verdict(413, "request.too-large", "The SOAP envelope exceeds OneDoor's limits ("
                        + t.getMessage().split("\n")[0] + "); documents travel as MTOM attachments.");
            }
        }
        String received = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart();
        if (received.equalsIgnoreCase(message.getVersion().getSender().getLocalPart())
                || received.equals("VersionMismatch") || Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())) {
            return new Verdict(400, "request.malformed",
                    "The request is not a SOAP 1.1 message of this contract (see /ws/mda?wsdl).");
        }
        return new Verdict(500, "internal.error", "OneDoor could not complete the request.");
    }

    /** A whole SOAP 1.1 fault with OneDoor's problem detail, for refusals made before CXF reads the request. */
    static String fault(String code, String text) {
        String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(text);
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + escaped + "</faultstring><detail><problem xmlns=\""
                + SoapPacket.NAMESPACE + "\"><code xmlns=\"\">" + code + "</code><detail xmlns=\"\">" + escaped
                + "</detail></problem></detail></soap:Fault></soap:Body></soap:Envelope>";
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
