package org.onedoor.packet;

/**
 * The one way to OneDoor's signing key: it signs manifests and nothing else, and never hands the key out.
 */
public interface PacketSigner {

    /** The party this signer speaks for, e.g. {@code odsc}. */
    String party();

    SignedPacket sign(Manifest manifest);
}
