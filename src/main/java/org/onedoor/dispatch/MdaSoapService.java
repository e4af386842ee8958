package org.onedoor.dispatch;

import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import org.onedoor.dispatch.MdaAnswers.Operation;
import org.onedoor.dispatch.contract.OneDoorMdaPort;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
import org.onedoor.system.OneDoorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link OneDoorMdaPort} at {@code /ws/mda}: the same answers as REST, refusals as {@link PacketFault}s with the same codes. */
@Component
// MTOM to a client that speaks it (WCF insists), but a receipt's few bytes stay inline: no attachment to unpack.
@MTOM(threshold = Integer.MAX_VALUE)
@WebService(serviceName = "OneDoorMdaService", portName = "OneDoorMdaPort", targetNamespace = SoapPacket.NAMESPACE,
        endpointInterface = "org.onedoor.dispatch.contract.OneDoorMdaPort")
class MdaSoapService implements OneDoorMdaPort {

    private static final Logger log = LoggerFactory.getLogger(MdaSoapService.class);
    private static final String INTERNAL = "OneDoor could not complete the request.";

    private final MdaAnswers answers;

    MdaSoapService(MdaAnswers answers) {
        this.answers = answers;
    }

    @Override
    public SoapPacket acknowledge(SoapPacket packet) throws PacketFault {
        return receive(Operation.ACKNOWLEDGE, packet);
    }

    @Override
    public SoapPacket requestInformation(SoapPacket packet) throws PacketFault {
        return receive(Operation.REQUEST_INFORMATION, packet);
    }

    @Override
    public SoapPacket decide(SoapPacket packet) throws PacketFault {
        return receive(Operation.DECIDE, packet);
    }

    @Override
    public SoapPacket updateStatus(SoapPacket packet) throws PacketFault {
        return receive(Operation.UPDATE_STATUS, packet);
    }

    private SoapPacket receive(Operation operation, SoapPacket packet) throws PacketFault {
        try {
            if (packet == null) {
                throw new org.onedoor.packet.PacketException("packet.malformed", "The operation needs its element 'packet'.");
            }
            try (SpooledDocuments documents = new SpooledDocuments(packet.documentsByName())) {
                MdaAnswers.Receipt receipt = answers.receive(operation, packet.signedPacket(), documents.byName());
                return SoapPacket.receipt(receipt.packet(), receipt.repeat());
            }
        } catch (OneDoorException e) {
            throw new PacketFault(e.getMessage(), new PacketFault.Problem(e.code(), e.getMessage()), e.status().value());
        } catch (RuntimeException e) {
            // As REST's last resort: the log keeps the cause, the caller gets a code and "try again".
            log.error("Unexpected failure", e);
            throw new PacketFault(INTERNAL, new PacketFault.Problem("internal.error", INTERNAL), 500);
        }
    }
}
