package org.onedoor.packet;

import org.springframework.core.io.Resource;

/**
 * The one way to OneDoor's signing key: it signs manifests and nothing else, and never hands the key out.
 */
public interface PacketSigner {

    /** The party this signer speaks for, e.g. {@code odsc}. */
    String party();

    SignedPacket sign(Manifest manifest);

    /** A signer for {@code party} from a PKCS#12 store, or a PEM key with its PEM certificate. */
    static PacketSigner load(String party, Resource key, Resource certificate, char[] password) {
        return new CmsPacketSigner(party, KeyFiles.signingKey(key, certificate, password));
    }
}
