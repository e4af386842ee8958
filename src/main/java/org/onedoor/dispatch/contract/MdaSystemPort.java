package org.onedoor.dispatch.contract;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * What an MDA system implements to receive requests from OneDoor over SOAP (WSDL in
 * {@code docs/contracts/mda-system.wsdl}): a signed request packet in, the MDA's signed receipt out. The same
 * packet id may arrive more than once; the MDA answers a duplicate with the receipt it gave the first time.
 */
@WebService(name = "MdaSystem", targetNamespace = SoapPacket.NAMESPACE)
public interface MdaSystemPort {

    @WebMethod
    @WebResult(name = "receipt")
    SoapPacket deliver(@WebParam(name = "packet") @XmlElement(required = true) SoapPacket packet) throws PacketFault;
}
