package org.onedoor.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.springframework.core.io.Resource;

/** Reads keys and certificates from PEM files or PKCS#12 key stores named in configuration. */
public final class KeyFiles {

    private KeyFiles() {
    }

    record SigningKey(PrivateKey key, X509Certificate certificate) {
        @Override
        public String toString() {
            // Never print key material, not even by accident in a log line.
            return "SigningKey[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    /** Every certificate in a PEM or DER file. */
    public static List<X509Certificate> certificates(Resource file) {
        try (InputStream in = file.getInputStream()) {
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(c -> certificates.add((X509Certificate) c));
            if (certificates.isEmpty()) {
                throw new IllegalStateException(file.getDescription() + " holds no certificate");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read certificates from " + file.getDescription() + ": " + e.getMessage(), e);
        }
    }

    /** A PKCS#12 store ({@code .p12}, {@code .pfx}) with its password, or a PEM private key beside a PEM certificate. */
    static SigningKey signingKey(Resource key, Resource certificate, char[] password) {
        String name = key.getFilename() == null ? "" : key.getFilename().toLowerCase();
        try {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = key.getInputStream()) {
                    store.load(in, password);
                }
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)) {
                        return new SigningKey((PrivateKey) store.getKey(alias, password),
                                (X509Certificate) store.getCertificate(alias));
                    }
                }
                throw new IllegalStateException(key.getDescription() + " holds no private key");
            }
            try (Reader reader = new InputStreamReader(key.getInputStream(), StandardCharsets.US_ASCII);
                    PEMParser pem = new PEMParser(reader)) {
                Object parsed = pem.readObject();
                PrivateKeyInfo info = parsed instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                        : parsed instanceof PrivateKeyInfo pki ? pki : null;
                if (info == null) {
                    throw new IllegalStateException(key.getDescription() + " is not an unencrypted PEM private key");
                }
                return new SigningKey(new JcaPEMKeyConverter().getPrivateKey(info), certificates(certificate).get(0));
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing key " + key.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
