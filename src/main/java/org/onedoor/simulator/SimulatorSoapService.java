package org.onedoor.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import org.onedoor.dispatch.contract.MdaSystemPort;
import org.onedoor.dispatch.contract.PacketFault;
import org.onedoor.dispatch.contract.SoapPacket;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.onedoor.simulator.SimulatedMdas.Reply;
import org.onedoor.packet.PacketException;
import org.springframework.core.io.InputStreamSource;

/** One simulated MDA's SOAP side, {@code /ws/simulator/<mda>}: the {@link MdaSystemPort} contract with MTOM. */
@MTOM
@WebService(serviceName = "MdaSystemService", portName = "MdaSystemPort", targetNamespace = SoapPacket.NAMESPACE,
        endpointInterface = "org.onedoor.dispatch.contract.MdaSystemPort")
class SimulatorSoapService implements MdaSystemPort {

    private final String mda;
    private final SimulatedMdas mdas;

    SimulatorSoapService(String mda, SimulatedMdas mdas) {
        this.mda = mda;
        this.mdas = mdas;
    }

    @Override
    public SoapPacket deliver(SoapPacket packet) throws PacketFault {
        Reply reply;
        try {
            reply = mdas.deliver(mda, SimulatedMdas.Transport.SOAP, packet.signedPacket(),
                    packet.documentsByName().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            d -> (InputStreamSource) d.getValue()::getInputStream)));
        } catch (PacketException malformed) {
            throw new PacketFault(malformed.getMessage(), new PacketFault.Problem(malformed.code(), malformed.getMessage()));
        }
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
