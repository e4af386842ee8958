package org.onedoor.packet;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.onedoor.system.Sha256;
import org.springframework.core.io.FileSystemResource;

/**
 * The negative-packet suite: every way a packet can be wrong, each with its exact code and HTTP status. The unit
 * suite runs the cases against the verifier with its own PKI; the contract suite runs the very same cases over REST
 * and SOAP against the demo, with the development PKI of {@code certs/dev}.
 */
public final class PacketCases {

    /** A case: how to build the packet, which documents come with it, which code and status it must get. */
    public record Case(String name, Supplier<SignedPacket> packet, Map<String, byte[]> documents, String code) {
        public int status() {
            return new PacketException(code, "").status().value();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A party with its certificate and key. */
    public record Party(String code, DevPki.Issued issued) {
        CmsPacketSigner signer() {
            return signer(code);
        }

        CmsPacketSigner signer(String as) {
            return new CmsPacketSigner(as, new KeyFiles.SigningKey(issued.keys().getPrivate(), issued.certificate()));
        }
    }

    /**
     * Who signs in the cases: the sender, another party trusted for itself only, the CA, a stranger's certificate in
     * the sender's name, and parties whose pinned certificates are expired and not yet valid.
     */
    public record Keys(Party sender, Party other, DevPki.Issued ca, DevPki.Issued stranger, Party expired, Party future) {
    }

    static final byte[] DEED = "%PDF-1.4 the sale deed".getBytes(StandardCharsets.US_ASCII);

    private PacketCases() {
    }

    /** The demo's parties from {@code certs/dev} (and the contract suite's test MDAs): for the contract suite. */
    public static Keys developmentPki() {
        DevPki.Issued ca = load("certs/dev/ca.key.pem", "certs/dev/ca.pem");
        return new Keys(new Party("fire-service", load("certs/dev/fire-service.key.pem", "certs/dev/fire-service.pem")),
                new Party("land-office", load("certs/dev/land-office.key.pem", "certs/dev/land-office.pem")), ca,
                DevPki.issue(DevPki.ca(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))),
                        "fire-service", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))),
                new Party("expired-office", load("src/test/resources/contract-keys/expired-office.key.pem",
                        "src/test/resources/connectors/expired-office/expired-office.dev.pem")),
                new Party("future-office", load("src/test/resources/contract-keys/future-office.key.pem",
                        "src/test/resources/connectors/future-office/future-office.dev.pem")));
    }

    private static DevPki.Issued load(String key, String certificate) {
        KeyFiles.SigningKey loaded = KeyFiles.signingKey(new FileSystemResource(key), new FileSystemResource(certificate),
                new char[0]);
        return new DevPki.Issued(new KeyPair(loaded.certificate().getPublicKey(), loaded.key()), loaded.certificate());
    }

    /** A decision from {@code sender} to the ODSC, with the deed beside it. */
    public static Manifest decision(String sender, Instant createdAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", "approved");
        payload.put("caseNumber", "AC-LAND-2026-0042");
        payload.put("areaDecimal", 8.25);
        return new Manifest(UUID.randomUUID(), PacketType.DECISION, "ODSC-2026-000123-7", "land-mutation", sender,
                "odsc", createdAt, payload, List.of(new Manifest.DocumentEntry("deed", "application/pdf", DEED.length,
                Sha256.hex(DEED))));
    }

    public static Map<String, byte[]> deed() {
        return Map.of("deed", DEED);
    }

    /** The 34 ways, built with the given keys at the given moment. */
    public static List<Case> badPackets(Keys keys, Instant now) {
        Party sender = keys.sender();
        CmsPacketSigner signer = sender.signer();
        Supplier<SignedPacket> valid = () -> signer.sign(decision(sender.code(), now));
        String json = new String(decision(sender.code(), now).canonicalBytes(), StandardCharsets.UTF_8);
        Map<String, byte[]> deed = deed();
        return List.of(
                new Case("tampered payload", () -> {
                    SignedPacket p = valid.get();
                    String tampered = new String(p.manifest(), StandardCharsets.UTF_8).replace("approved", "rejected");
                    return new SignedPacket(tampered.getBytes(StandardCharsets.UTF_8), p.signature());
                }, deed, "signature.invalid"),
                new Case("tampered tracking number", () -> {
                    SignedPacket p = valid.get();
                    String tampered = new String(p.manifest(), StandardCharsets.UTF_8).replace("000123", "000124");
                    return new SignedPacket(tampered.getBytes(StandardCharsets.UTF_8), p.signature());
                }, deed, "signature.invalid"),
                new Case("signature of another manifest", () -> new SignedPacket(valid.get().manifest(),
                        valid.get().signature()), deed, "signature.invalid"),
                new Case("tampered document", valid,
                        docs("deed", "%PDF-1.4 the sale deed, altered".getBytes(StandardCharsets.US_ASCII)),
                        "document.digest-mismatch"),
                new Case("document with the same size, other bytes", valid,
                        docs("deed", "%PDF-1.4 the SALE deed".getBytes(StandardCharsets.US_ASCII)), "document.digest-mismatch"),
                new Case("missing document", valid, Map.of(), "document.missing"),
                new Case("extra document", valid, docs("licence", new byte[] {1, 2, 3}), "document.unexpected"),
                new Case("wrong key for the certificate", () -> new CmsPacketSigner(sender.code(), new KeyFiles.SigningKey(
                        keys.other().issued().keys().getPrivate(), sender.issued().certificate()))
                        .sign(decision(sender.code(), now)), deed, "signature.invalid"),
                new Case("unknown signer", () -> new Party(sender.code(), keys.stranger()).signer()
                        .sign(decision(sender.code(), now)), deed, "signer.untrusted"),
                new Case("signer trusted for another party", () -> keys.other().signer(sender.code())
                        .sign(decision(sender.code(), now)), deed, "signer.untrusted"),
                new Case("the CA itself signs", () -> new Party(sender.code(), keys.ca()).signer()
                        .sign(decision(sender.code(), now)), deed, "signer.untrusted"),
                new Case("expired certificate", () -> keys.expired().signer()
                        .sign(decision(keys.expired().code(), now)), deed, "certificate.expired"),
                new Case("certificate not yet valid", () -> keys.future().signer()
                        .sign(decision(keys.future().code(), now)), deed, "certificate.not-yet-valid"),
                new Case("created too long ago", () -> signer.sign(decision(sender.code(), now.minus(Duration.ofMinutes(6)))),
                        deed, "packet.clock-skew"),
                new Case("created in the future", () -> signer.sign(decision(sender.code(), now.plus(Duration.ofMinutes(6)))),
                        deed, "packet.clock-skew"),
                new Case("truncated signature", () -> {
                    SignedPacket p = valid.get();
                    return new SignedPacket(p.manifest(), Arrays.copyOf(p.signature(), p.signature().length / 2));
                }, deed, "signature.malformed"),
                new Case("empty signature", () -> new SignedPacket(valid.get().manifest(), new byte[0]), deed,
                        "signature.malformed"),
                new Case("signature that is not CMS", () -> new SignedPacket(valid.get().manifest(),
                        "-----BEGIN PKCS7-----".getBytes(StandardCharsets.US_ASCII)), deed, "signature.malformed"),
                new Case("wrong recipient", () -> signed(signer, json.replace("\"recipient\":\"odsc\"",
                        "\"recipient\":\"land-office\"")), deed, "packet.wrong-recipient"),
                new Case("white space in the manifest", () -> signed(signer, json.replace(",\"type\"", ", \"type\"")),
                        deed, "packet.not-canonical"),
                new Case("members out of order", () -> signed(signer, json
                        .replace(",\"trackingNumber\":\"ODSC-2026-000123-7\"", "")
                        .replace("{\"createdAt\"", "{\"trackingNumber\":\"ODSC-2026-000123-7\",\"createdAt\"")), deed,
                        "packet.not-canonical"),
                new Case("number not in shortest form", () -> signed(signer, json.replace("8.25", "8.250")), deed,
                        "packet.not-canonical"),
                new Case("duplicate member", () -> signed(signer, json.replace("{\"createdAt\"",
                        "{\"createdAt\":\"x\",\"createdAt\"")), deed, "packet.malformed"),
                new Case("not JSON", () -> signed(signer, "<packet/>"), deed, "packet.malformed"),
                new Case("missing packet id", () -> signed(signer, json.replaceFirst("\"packetId\":\"[^\"]+\",", "")),
                        deed, "packet.schema"),
                new Case("packet id not a UUID", () -> signed(signer, json.replaceFirst("\"packetId\":\"[^\"]+\"",
                        "\"packetId\":\"42\"")), deed, "packet.schema"),
                new Case("unknown packet type", () -> signed(signer, json.replace("\"type\":\"decision\"",
                        "\"type\":\"verdict\"")), deed, "packet.schema"),
                new Case("creation time without milliseconds", () -> signed(signer, json.replaceFirst(
                        "\"createdAt\":\"([^\".]+)\\.\\d{3}Z\"", "\"createdAt\":\"$1Z\"")), deed, "packet.schema"),
                new Case("unknown manifest field", () -> signed(signer, json.replace("\"sender\"",
                        "\"secret\":\"x\",\"sender\"")), deed, "packet.schema"),
                new Case("bad document digest field", () -> signed(signer, json.replaceFirst("\"sha256\":\"[0-9a-f]+\"",
                        "\"sha256\":\"ABC\"")), deed, "packet.schema"),
                new Case("payload not an object", () -> signed(signer, json.replaceFirst("\"payload\":\\{[^}]*}",
                        "\"payload\":[]")), deed, "packet.schema"),
                new Case("no signed attributes", () -> customCms(sender, false, null, now), deed, "signature.attributes-missing"),
                new Case("no signing-certificate-v2", () -> customCms(sender, true, null, now), deed,
                        "signature.attributes-missing"),
                new Case("signing-certificate-v2 of another certificate", () -> customCms(sender, true,
                        keys.other().issued(), now), deed, "signature.invalid"));
    }

    private static SignedPacket signed(CmsPacketSigner signer, String manifestJson) {
        byte[] bytes = manifestJson.getBytes(StandardCharsets.UTF_8);
        return new SignedPacket(bytes, signer.sign(bytes));
    }

    private static Map<String, byte[]> docs(String name, byte[] content) {
        Map<String, byte[]> documents = new HashMap<>(deed());
        documents.put(name, content);
        return documents;
    }

    /** Signs with a CMS made by hand, to leave out or change the signed attributes. */
    private static SignedPacket customCms(Party sender, boolean signedAttributes, DevPki.Issued v2For, Instant now) {
        try {
            byte[] bytes = decision(sender.code(), now).canonicalBytes();
            var builder = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
            if (!signedAttributes) {
                builder.setDirectSignature(true);
            } else if (v2For != null) {
                builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                        CmsPacketSigner.signingCertificateV2(v2For.certificate())));
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(sender.issued().keys().getPrivate()), sender.issued().certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(sender.issued().certificate()));
            return new SignedPacket(bytes, generator.generate(new CMSProcessableByteArray(bytes), false)
                    .getEncoded(ASN1Encoding.DER));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
