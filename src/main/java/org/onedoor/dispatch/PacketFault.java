package org.onedoor.dispatch;

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

    public PacketFault(String message, Problem faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public PacketFault(String message, Problem faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
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
