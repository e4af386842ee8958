package org.onedoor.dispatch.contract;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * What MDA systems call on OneDoor over SOAP, published at {@code /ws/mda?wsdl}. Every operation takes one
 * signed packet of the matching type and answers with OneDoor's signed receipt.
 */
@WebService(name = "OneDoorMda", targetNamespace = SoapPacket.NAMESPACE)
public interface OneDoorMdaPort {

    /** The MDA accepted the request for processing (its case number, its expected date) or found it incomplete. */
    @WebMethod
    @WebResult(name = "receipt")
    SoapPacket acknowledge(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;

    /** The MDA's decision: approved, or rejected with a reason; documents (an issued licence) optional. */
    @WebMethod
    @WebResult(name = "receipt")
    SoapPacket decide(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;

    /** The MDA needs something from the applicant: a question and, optionally, named documents. */
    @WebMethod
    @WebResult(name = "receipt")
    SoapPacket requestInformation(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;

    /** Where the request stands at the MDA: a standard status and free text for the citizen. */
    @WebMethod
    @WebResult(name = "receipt")
    SoapPacket updateStatus(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;
}
