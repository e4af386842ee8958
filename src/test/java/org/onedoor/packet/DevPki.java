package org.onedoor.packet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the development PKI in {@code certs/dev/}: a demo root CA, and an ECDSA P-256 signing certificate and
 * key for the ODSC and for every MDA folder under {@code connectors/}, whose certificate is also copied into
 * that folder as {@code <mda>.dev.pem} for the connector's {@code trust}. Run it with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.onedoor.packet.DevPki}.
 * A test fixture, not part of the application. Nothing it makes may be
 * trusted in production: the CA's name says so, and OneDoor refuses it outside the demo.
 */
public final class DevPki {

    /** Marks every certificate of the development PKI; {@link PacketConfiguration} refuses it outside the demo. */
    static final String MARKER = PacketConfiguration.DEVELOPMENT_PKI;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevPki() {
    }

    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "certs/dev");
        Path connectors = Path.of(args.length > 1 ? args[1] : "connectors");
        Files.createDirectories(out);
        Instant now = Instant.now();
        Issued ca = ca(now, now.plus(Duration.ofDays(3650)));
        write(out.resolve("ca.pem"), ca.certificate());
        write(out.resolve("ca.key.pem"), ca.keys());
        List<String> parties = new ArrayList<>(List.of("odsc"));
        try (Stream<Path> folders = Files.list(connectors)) {
            folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(parties::add);
        }
        for (String party : parties) {
            Issued issued = issue(ca, party, now, now.plus(Duration.ofDays(1825)));
            write(out.resolve(party + ".pem"), issued.certificate());
            write(out.resolve(party + ".key.pem"), issued.keys());
            if (!party.equals("odsc")) {
                // The certificate OneDoor trusts for the MDA lives in its connector folder (no private key there).
                write(connectors.resolve(party).resolve(party + ".dev.pem"), issued.certificate());
            }
        }
        System.out.println("Development PKI written to " + out + " for " + parties);
    }

    public static Issued ca(Instant from, Instant to) {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=OneDoor Development CA, O=OneDoor " + MARKER);
        return new Issued(keys, certificate(name, keys, name, keys, from, to, true));
    }

    /** A signing certificate for {@code party}, issued by {@code ca}, valid from {@code from} to {@code to}. */
    public static Issued issue(Issued ca, String party, Instant from, Instant to) {
        return issue(ca, party, from, to, ecKeys());
    }

    /** The same with a key pair of the caller's choosing (an RSA one, say). */
    public static Issued issue(Issued ca, String party, Instant from, Instant to, KeyPair keys) {
        X500Name subject = new X500Name("CN=" + party + ", OU=OneDoor party, O=OneDoor " + MARKER);
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(keys, certificate(subject, keys, issuer, ca.keys(), from, to, false));
    }

    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            Instant from, Instant to, boolean isCa) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                    Date.from(from), Date.from(to), subject, subjectKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a development certificate", e);
        }
    }

    /** PEM text of a certificate or of a private key (unencrypted PKCS#8). */
    public static String pem(Object value) {
        try (StringWriter text = new StringWriter(); JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(value instanceof KeyPair pair ? new JcaPKCS8Generator(pair.getPrivate(), null) : value);
            pem.flush();
            return text.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, Object value) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            writer.write(pem(value));
        }
    }
}
