package org.onedoor.dispatch;


import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import org.onedoor.dispatch.MdaAnswers.Operation;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.OneDoorException;
import org.springframework.stereotype.Component;

/** {@link OneDoorMdaPort} at {@code /ws/mda}: the same answers as REST, refusals as {@link PacketFault}s with the same codes. */
@Component
@MTOM
@WebService(serviceName = "OneDoorMdaService", portName = "OneDoorMdaPort", targetNamespace = SoapPacket.NAMESPACE,
        endpointInterface = "org.onedoor.dispatch.OneDoorMdaPort")
class MdaSoapService implements OneDoorMdaPort {

    private final MdaAnswers answers;

    MdaSoapService(MdaAnswers answers) {
        this.answers = answers;
    }

    @Override
    public SoapPacket acknowledge(SoapPacket packet) throws PacketFault {
        return receive(Operation.ACKNOWLEDGE, packet);
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
            SignedPacket receipt = answers.receive(operation, packet.signedPacket(), packet.documentsByName());
            return new SoapPacket(receipt.manifest(), receipt.signature(), java.util.List.of());
        } catch (OneDoorException e) {
            throw fault(e);
        }
    }

    private static PacketFault fault(OneDoorException e) {
        return new PacketFault(e.getMessage(), new PacketFault.Problem(e.code(), e.getMessage()));
    }
}
