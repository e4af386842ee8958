package org.onedoor.dispatch.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import org.onedoor.dispatch.MdaSystemPort;
import org.onedoor.dispatch.PacketFault;
import org.onedoor.dispatch.SoapPacket;
import org.onedoor.dispatch.simulator.SimulatedMdas.Failure;
import org.onedoor.dispatch.simulator.SimulatedMdas.Reply;
import org.onedoor.packet.SignedPacket;

/** One simulated MDA's SOAP side, {@code /ws/simulator/<mda>}: the {@link MdaSystemPort} contract with MTOM. */
@MTOM
@WebService(serviceName = "MdaSystemService", portName = "MdaSystemPort", targetNamespace = SoapPacket.NAMESPACE,
        endpointInterface = "org.onedoor.dispatch.MdaSystemPort")
class SimulatorSoapService implements MdaSystemPort {

    private final String mda;
    private final SimulatedMdas mdas;

    SimulatorSoapService(String mda, SimulatedMdas mdas) {
        this.mda = mda;
        this.mdas = mdas;
    }

    @Override
    public SoapPacket deliver(SoapPacket packet) throws PacketFault {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (SoapPacket.Document document : packet.getDocuments()) {
            try (InputStream in = document.getContent().getInputStream()) {
                documents.put(document.getName(), in.readAllBytes());
            } catch (IOException e) {
                throw new PacketFault("Unreadable attachment", new PacketFault.Problem("packet.malformed", e.getMessage()));
            }
        }
        Reply reply = mdas.deliver(mda, SimulatedMdas.Transport.SOAP,
                new SignedPacket(packet.getManifest(), packet.getSignature()), documents);
        if (reply instanceof Reply.Receipt receipt) {
            return new SoapPacket(receipt.packet().manifest(), receipt.packet().signature(), List.of());
        }
        if (reply instanceof Reply.Refused refused) {
            throw new PacketFault(refused.detail(), new PacketFault.Problem(refused.code(), refused.detail()));
        }
        Failure failure = ((Reply.Fail) reply).failure();
        if (failure == Failure.MALFORMED) {
            return new SoapPacket(new byte[] {'?'}, new byte[] {0}, List.of());
        }
        throw new IllegalStateException("The simulated " + mda + " system is " + failure);
    }
}
