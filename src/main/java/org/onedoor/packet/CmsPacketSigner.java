package org.onedoor.packet;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import org.onedoor.system.Sha256;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS SignedData in the CAdES-BES profile: content-type, message-digest, signing-time and
 * signing-certificate-v2 signed attributes, the signer certificate included. Bouncy Castle builds the CMS and
 * computes ECDSA ({@link Signatures}); digests run on the JDK's SHA-256, several times faster than Bouncy Castle's.
 */
final class CmsPacketSigner implements PacketSigner {

    private final String party;
    private final PrivateKey signingKey;
    private final String algorithm;
    private final AttributeTable signingCertificate;
    // Built once: both are immutable, and parsing the certificate again for every packet showed in the profile.
    private final X509CertificateHolder certificate;
    private final DigestCalculatorProvider digests;

    CmsPacketSigner(String party, KeyFiles.SigningKey key) {
        this.party = party;
        this.algorithm = Signatures.algorithm(key.key().getAlgorithm());
        this.signingKey = Signatures.signingKey(key.key());
        this.signingCertificate = signingCertificateV2(key.certificate());
        try {
            this.certificate = new JcaX509CertificateHolder(key.certificate());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot read the signing certificate", e);
        }
    }

    @Override
    public String party() {
        return party;
    }

    @Override
    public SignedPacket sign(Manifest manifest) {
        byte[] bytes = manifest.canonicalBytes();
        return new SignedPacket(bytes, sign(bytes));
    }

    byte[] sign(byte[] content) {
        try {
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            Provider provider = Signatures.provider(signingKey.getAlgorithm());
            ContentSigner signer = (provider == null ? builder : builder.setProvider(provider)).build(signingKey);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingCertificate))
                    .build(signer, certificate));
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    /** ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer certificate, bound into the signature. */
    static AttributeTable signingCertificateV2(X509Certificate certificate) {
        try {
            byte[] hash = Sha256.of(certificate.getEncoded());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            return new AttributeTable(attributes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hash the signing certificate", e);
        }
    }
}
