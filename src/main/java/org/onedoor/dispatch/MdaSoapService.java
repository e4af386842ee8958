package org.onedoor.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import org.onedoor.dispatch.MdaAnswers.Operation;
import org.onedoor.packet.PacketException;
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
            SignedPacket receipt = answers.receive(operation, signedPacket(packet), documents(packet));
            return new SoapPacket(receipt.manifest(), receipt.signature(), java.util.List.of());
        } catch (OneDoorException e) {
            throw fault(e);
        }
    }

    static PacketFault fault(OneDoorException e) {
        return new PacketFault(e.getMessage(), new PacketFault.Problem(e.code(), e.getMessage()));
    }

    static SignedPacket signedPacket(SoapPacket packet) {
        if (packet == null || packet.getManifest() == null || packet.getSignature() == null) {
            throw new PacketException("packet.malformed", "A packet needs a manifest and a signature.");
        }
        return new SignedPacket(packet.getManifest(), packet.getSignature());
    }

    static Map<String, byte[]> documents(SoapPacket packet) {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (SoapPacket.Document document : packet.getDocuments()) {
            if (document.getName() == null || document.getContent() == null) {
                throw new PacketException("packet.malformed", "Every document needs a name and content.");
            }
            try (InputStream in = document.getContent().getInputStream()) {
                if (documents.put(document.getName(), in.readAllBytes()) != null) {
                    throw new PacketException("packet.malformed", "The document '" + document.getName() + "' appears twice.");
                }
            } catch (IOException e) {
                throw new PacketException("packet.malformed", "The attachment '" + document.getName() + "' cannot be read.");
            }
        }
        return documents;
    }
}
