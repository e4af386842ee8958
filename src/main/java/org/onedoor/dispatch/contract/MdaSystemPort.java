package org.onedoor.dispatch.contract;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.annotation.XmlElement;
import org.apache.cxf.annotations.WSDLDocumentation;

/**
 * What an MDA system implements to receive packets from OneDoor over SOAP (WSDL published at
 * {@code /api/mda/mda-system.wsdl}): a signed packet in, the MDA's signed receipt out. The same packet id may
 * arrive more than once; the MDA answers a duplicate with the receipt it gave the first time.
 */
@WebService(name = "MdaSystem", targetNamespace = SoapPacket.NAMESPACE)
@WSDLDocumentation(placement = WSDLDocumentation.Placement.TOP, value = """
        What an MDA system implements to receive OneDoor's packets (SOAP 1.1, document/literal wrapped, MTOM). \
        OneDoor sends one signed packet per call, the manifest schema /api/mda/schemas/manifest.schema.json; child \
        elements are unqualified.""")
public interface MdaSystemPort {

    @WebMethod
    @WebResult(name = "receipt")
    @WSDLDocumentation("""
            One packet from odsc; the manifest's type says which. request (request.schema.json): applicant, form, \
            expectedCompletion, the request's documents as attachments. information (information.schema.json): \
            inReplyTo (the MDA's info-request), requestPacketId, answer, the documents asked for. cancellation \
            (cancellation.schema.json): inReplyTo (the request packet), outcome ("rejected", "withdrawn" or \
            "cancelled"), reason. Answer with the MDA's signed receipt (receipt.schema.json: receivedPacketId, \
            outcome "received", or "refused" with reason); a packet id taken before gets the first receipt again. \
            The fault problem refuses for good; a server fault, HTTP 5xx or a timeout is retried.""")
    SoapPacket deliver(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;
}
