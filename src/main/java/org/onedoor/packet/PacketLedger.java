package org.onedoor.packet;

import java.util.List;

import org.onedoor.messagelog.MessageLog;
import org.springframework.stereotype.Component;

/**
 * Signing and the message log in one step: every packet OneDoor signs or accepts is recorded with its signature,
 * in the caller's transaction, as sent to its recipient or received from its sender.
 */
@Component
public class PacketLedger {

    private final PacketSigner signer;
    private final MessageLog log;

    PacketLedger(PacketSigner signer, MessageLog log) {
        this.signer = signer;
        this.log = log;
    }

    /** The party OneDoor signs as, e.g. {@code odsc}. */
    public String party() {
        return signer.party();
    }

    /** Signs and records at once: receipts and notices that OneDoor hands over in the same transaction. */
    public SignedPacket issue(Manifest manifest) {
        SignedPacket packet = signer.sign(manifest);
        record(manifest, packet);
        return packet;
    }

    /**
     * Signs without recording: a delivery records its packet together with the recipient's receipt, so that the
     * log's head is not locked while the recipient is called, and an attempt that fails leaves no row.
     */
    public SignedPacket sign(Manifest manifest) {
        return signer.sign(manifest);
    }

    /** Records a packet OneDoor signed (sent to its recipient) or accepted (received from its sender). */
    public void record(Manifest manifest, SignedPacket packet) {
        boolean sent = manifest.sender().equals(signer.party());
        log.append(new MessageLog.Entry(sent ? MessageLog.Direction.OUT : MessageLog.Direction.IN,
                sent ? manifest.recipient() : manifest.sender(), manifest.packetId().toString(),
                manifest.type().wireName(), manifest.trackingNumber(), packet.manifest(), packet.signature()));
    }

    /** The packets of this type that OneDoor issued to the party about the request, in the order they were logged. */
    public List<SignedPacket> issued(String trackingNumber, PacketType type, String recipient) {
        return log.ofRequest(trackingNumber).stream()
                .map(MessageLog.Logged::entry)
                .filter(e -> e.direction() == MessageLog.Direction.OUT && e.party().equals(recipient)
                        && e.packetType().equals(type.wireName()))
                .map(e -> new SignedPacket(e.manifest(), e.signature()))
                .toList();
    }
}
