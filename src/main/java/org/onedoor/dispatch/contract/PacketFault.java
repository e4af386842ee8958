package org.onedoor.dispatch.contract;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.ws.WebFault;

/**
 * The SOAP fault of both contracts: the same stable code as the REST problem details ({@code packet.replayed},
 * {@code signature.invalid}, ...) and a message for people. A declared fault means "refused"; a receiver
 * that cannot process right now answers with a plain server fault instead, which the sender retries.
 */
@WebFault(name = "problem", targetNamespace = SoapPacket.NAMESPACE)
public class PacketFault extends Exception {

    private final Problem faultInfo;
    /** The HTTP status REST gives the same refusal: below 500 the caller must fix something (soap:Client). */
    private final int status;

    public PacketFault(String message, Problem faultInfo) {
        this(message, faultInfo, 400);
    }

    public PacketFault(String message, Problem faultInfo, int status) {
        super(message);
        this.faultInfo = faultInfo;
        this.status = status;
    }

    public int status() {
        return status;
    }

    public Problem getFaultInfo() {
        return faultInfo;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Problem", namespace = SoapPacket.NAMESPACE, propOrder = {"code", "detail"})
    public static class Problem {
        private String code;
        private String detail;

        public Problem() {
        }

        public Problem(String code, String detail) {
            this.code = code;
            this.detail = detail;
        }

        public String getCode() {
            return code;
        }

        public String getDetail() {
            return detail;
        }
    }
}
