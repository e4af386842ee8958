package org.onedoor.packet;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/** A source of trusted certificates per party beside {@code onedoor.packet.trust}: the MDAs' connectors. */
public interface TrustedParties {

    Map<String, List<X509Certificate>> trustedCertificates();

    /** Where the party's certificates are configured, for error messages. */
    String describe(String party);
}
