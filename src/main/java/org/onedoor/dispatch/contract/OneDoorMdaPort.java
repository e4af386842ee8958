package org.onedoor.dispatch.contract;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.annotation.XmlElement;
import org.apache.cxf.annotations.WSDLDocumentation;
import org.apache.cxf.annotations.WSDLDocumentationCollection;

/**
 * What MDA systems call on OneDoor over SOAP, published at {@code /ws/mda?wsdl}. Every operation takes one
 * signed packet of the matching type and answers with OneDoor's signed receipt. The documentation the WSDL carries
 * names each operation's payload; its JSON Schema is published at {@code /api/mda/schemas/}.
 */
@WebService(name = "OneDoorMda", targetNamespace = SoapPacket.NAMESPACE)
@WSDLDocumentationCollection({
        @WSDLDocumentation(placement = WSDLDocumentation.Placement.TOP, value = """
                OneDoor for ministry systems (SOAP 1.1, document/literal wrapped). Each operation takes one signed \
                packet: manifest (the exact signed bytes of an RFC 8785 canonical JSON manifest, schema \
                /api/mda/schemas/manifest.schema.json), signature (detached CMS SignedData, CAdES-BES, DER) and one \
                document element per document named in the manifest, inline base64 or an MTOM attachment. Child \
                elements are unqualified. The reply is OneDoor's signed receipt (attribute repeat="true" when the very \
                same packet had been taken before), plain when the request was plain, MTOM when it was MTOM. A refusal \
                is the fault problem with a stable code: soap:Client (HTTP 400, 403, 404, 409, 422) means fix the \
                packet, do not retry; soap:Server (HTTP 500) means retry. Codes: docs/integrators.md."""),
        @WSDLDocumentation(placement = WSDLDocumentation.Placement.SERVICE,
                value = "OneDoor's endpoint for MDA systems; the same contract as POST /api/mda/... over REST.")})
public interface OneDoorMdaPort {

    /** The MDA accepted the request for processing, with its case number and expected date. */
    @WebMethod
    @WebResult(name = "receipt")
    @WSDLDocumentation("""
            Packet type acknowledgement (REST: POST /api/mda/acknowledgements). Payload \
            (acknowledgement.schema.json): inReplyTo (the request packet id), outcome "accepted", caseNumber (the \
            MDA's own, up to 100 characters), expectedCompletion (a date, yyyy-mm-dd). One per request.""")
    SoapPacket acknowledge(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;

    /** The MDA's decision: approved, or rejected with a reason; documents (an issued licence) optional. */
    @WebMethod
    @WebResult(name = "receipt")
    @WSDLDocumentation("""
            Packet type decision (REST: POST /api/mda/decisions). Payload (decision.schema.json): inReplyTo, outcome \
            "approved" or "rejected", reason (required to reject, up to 2000 characters). Documents such as the \
            issued licence travel as document elements. Final: anything after it is refused with answer.leg-decided.""")
    SoapPacket decide(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;

    /** The MDA needs something from the applicant: a question and, optionally, named documents. */
    @WebMethod
    @WebResult(name = "receipt")
    @WSDLDocumentation("""
            Packet type info-request (REST: POST /api/mda/information-requests). Payload (info-request.schema.json): \
            inReplyTo, question (up to 2000 characters, shown to the citizen), documents (optional: document kinds \
            such as fire-safety-plan). The answer comes to the MDA's system as an information packet.""")
    SoapPacket requestInformation(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;

    /** Where the request stands at the MDA: a standard status and free text for the citizen. */
    @WebMethod
    @WebResult(name = "receipt")
    @WSDLDocumentation("""
            Packet type status (REST: POST /api/mda/status-updates). Payload (status.schema.json): inReplyTo, status \
            ("in-review", "inspection-scheduled", "awaiting-third-party" or "on-hold"), text (optional, up to 2000 \
            characters, shown to the citizen).""")
    SoapPacket updateStatus(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;
}
