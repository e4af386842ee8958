package org.onedoor.packet;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.onedoor.system.Sha256;

/**
 * Checks a received packet. Every failure has its own code and changes nothing; only a packet that passes
 * every check is remembered against replay. The order is cheap checks first, the signature before anything
 * that trusts the manifest's claims.
 */
public class PacketVerifier {

    private static final ASN1ObjectIdentifier[] REQUIRED_ATTRIBUTES = {CMSAttributes.contentType,
            CMSAttributes.messageDigest, CMSAttributes.signingTime, PKCSObjectIdentifiers.id_aa_signingCertificateV2};

    private final TrustStore trust;
    private final ReplayGuard replay;
    private final Clock clock;
    private final Duration window;

    public PacketVerifier(TrustStore trust, ReplayGuard replay, Clock clock, Duration window) {
        this.trust = trust;
        this.replay = replay;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Verifies the packet addressed to {@code recipient} with the digests of the documents that came beside it
     * (hashed as they streamed in), by name, and
     * remembers its id. Returns the manifest; throws {@link PacketException} with the reason otherwise.
     */
    public Manifest verify(SignedPacket packet, Map<String, Sha256.Digest> documents, String recipient) {
        Manifest manifest = authentic(packet, recipient);
        Instant now = clock.instant();
        if (manifest.createdAt().isBefore(now.minus(window)) || manifest.createdAt().isAfter(now.plus(window))) {
            throw new PacketException("packet.clock-skew", "The packet was created at " + manifest.createdAt()
                    + ", outside " + window + " of this server's time " + now + ".");
        }
        checkDocuments(manifest, documents);
        if (!replay.firstSight(manifest.packetId(), manifest.sender())) {
            throw new PacketException("packet.replayed", "Packet " + manifest.packetId() + " was received before.");
        }
        return manifest;
    }

    /**
     * Verifies a receipt for a packet OneDoor sent, first prepared at {@code sentSince}. A system that answers a
     * resent packet with the receipt it gave the first time is right to: such a receipt may be older than the clock
     * window (never older than the packet) and may have been seen before; it is bound to the packet's id, which the
     * caller checks.
     */
    public Manifest verifyReceipt(SignedPacket receipt, String recipient, Instant sentSince) {
        Manifest manifest = authentic(receipt, recipient);
        Instant now = clock.instant();
        if (manifest.createdAt().isBefore(sentSince.minus(window)) || manifest.createdAt().isAfter(now.plus(window))) {
            throw new PacketException("packet.clock-skew", "The receipt was created at " + manifest.createdAt()
                    + ", before the packet it acknowledges or after this server's time " + now + ".");
        }
        replay.firstSight(manifest.packetId(), manifest.sender());
        return manifest;
    }

    /** The checks every packet passes whatever its freshness: form, signature, pinned signer, recipient. */
    private Manifest authentic(SignedPacket packet, String recipient) {
        Manifest manifest = Manifest.fromCanonical(packet.manifest());
        Signature signature = parse(packet);
        SignerInformation signer = signature.signer();
        byte[] encoded = signature.encodedCertificate();
        checkAttributes(signer, encoded);
        // Compared as bytes with the pinned certificates, which were parsed and checked once at startup.
        X509Certificate certificate = trust.pinned(manifest.sender(), encoded)
                .orElseThrow(() -> new PacketException("signer.untrusted", "The signer "
                        + signature.certificate().getSubject() + " is not trusted for the sender '"
                        + manifest.sender() + "'."));
        checkValidity(certificate);
        checkSignature(signer, certificate, packet.manifest());
        if (!manifest.recipient().equals(recipient)) {
            throw new PacketException("packet.wrong-recipient",
                    "The packet is addressed to '" + manifest.recipient() + "', not to '" + recipient + "'.");
        }
        return manifest;
    }

    private record Signature(SignerInformation signer, X509CertificateHolder certificate) {
        byte[] encodedCertificate() {
            try {
                return certificate.getEncoded();
            } catch (IOException e) {
                throw new PacketException("signature.malformed", "The signer's certificate cannot be encoded.");
            }
        }
    }

    private static Signature parse(SignedPacket packet) {
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(packet.manifest()), packet.signature());
            Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new PacketException("signature.malformed", "The signature must have exactly one signer.");
            }
            SignerInformation signer = signers.iterator().next();
            Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                throw new PacketException("signature.malformed", "The signature must include the signer's certificate.");
            }
            return new Signature(signer, matches.iterator().next());
        } catch (CMSException | IllegalArgumentException | ClassCastException e) {
            throw new PacketException("signature.malformed", "The signature is not a DER CMS SignedData with its signer's certificate.");
        }
    }

    private static void checkAttributes(SignerInformation signer, byte[] certificate) {
        AttributeTable signed = signer.getSignedAttributes();
        for (ASN1ObjectIdentifier required : REQUIRED_ATTRIBUTES) {
            if (signed == null || signed.get(required) == null) {
                throw new PacketException("signature.attributes-missing", "The signature lacks the signed attribute "
                        + required + " (CAdES-BES needs content-type, message-digest, signing-time, signing-certificate-v2).");
            }
        }
        ASN1Encodable value = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0);
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(value).getCerts();
        if (ids.length == 0 || !MessageDigest.isEqual(ids[0].getCertHash(), Sha256.of(certificate))) {
            throw new PacketException("signature.invalid", "signing-certificate-v2 does not name the signer's certificate.");
        }
    }

    private void checkValidity(X509Certificate certificate) {
        Date now = Date.from(clock.instant());
        if (now.after(certificate.getNotAfter())) {
            throw new PacketException("certificate.expired", "The signer's certificate expired on "
                    + certificate.getNotAfter().toInstant() + ".");
        }
        if (now.before(certificate.getNotBefore())) {
            throw new PacketException("certificate.not-yet-valid", "The signer's certificate is valid only from "
                    + certificate.getNotBefore().toInstant() + ".");
        }
    }

    /**
     * RFC 5652 section 5.4 by hand: the message-digest attribute must be the SHA-256 of the manifest, and the
     * signature must verify over the DER of the signed attributes, with the fastest provider for the key
     * ({@link Signatures}); Bouncy Castle's CMS verifier around it spent twice as long here.
     */
    private static void checkSignature(SignerInformation signer, X509Certificate certificate, byte[] manifest) {
        boolean valid;
        try {
            AttributeTable signed = signer.getSignedAttributes();
            ASN1Encodable contentType = signed.get(CMSAttributes.contentType).getAttrValues().getObjectAt(0);
            byte[] claimed = ASN1OctetString.getInstance(
                    signed.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
            java.security.Signature signature = Signatures.verifier(certificate.getPublicKey());
            signature.update(signer.getEncodedSignedAttributes());
            valid = NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())
                    && CMSObjectIdentifiers.data.equals(contentType)
                    && MessageDigest.isEqual(claimed, Sha256.of(manifest))
                    && signature.verify(signer.getSignature());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new PacketException("signature.invalid", "The signature does not match the manifest.");
        }
    }

    private static void checkDocuments(Manifest manifest, Map<String, Sha256.Digest> documents) {
        for (Manifest.DocumentEntry entry : manifest.documents()) {
            Sha256.Digest content = documents.get(entry.name());
            if (content == null) {
                throw new PacketException("document.missing", "The document '" + entry.name() + "' named in the manifest is missing.");
            }
            if (content.size() != entry.size() || !content.hex().equals(entry.sha256())) {
                throw new PacketException("document.digest-mismatch", "The document '" + entry.name()
                        + "' does not match its size and SHA-256 in the manifest.");
            }
        }
        for (String name : documents.keySet()) {
            if (manifest.documents().stream().noneMatch(d -> d.name().equals(name))) {
                throw new PacketException("document.unexpected", "The document '" + name + "' is not in the manifest.");
            }
        }
    }

}
