package org.onedoor.dispatch.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.SignedPacket;

/**
 * A packet on the SOAP wire: the manifest's exact signed bytes and the DER signature as {@code base64Binary},
 * each document an MTOM attachment named as in the manifest. The same packet as the REST multipart form.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Packet", namespace = SoapPacket.NAMESPACE, propOrder = {"manifest", "signature", "document"})
public class SoapPacket {

    public static final String NAMESPACE = "urn:onedoor:mda:1";
    /** CXF reads a SOAP fault only from HTTP 500 unless told to read it from any status. */
    public static final String READ_FAULTS_OF_4XX = "org.apache.cxf.transport.no_io_exceptions";

    @XmlElement(required = true)
    private byte[] manifest;
    @XmlElement(required = true)
    private byte[] signature;
    private List<Document> document = new ArrayList<>();
    /** On a receipt: true when the very same packet had been received and receipted before. */
    @XmlAttribute
    private Boolean repeat;

    public SoapPacket() {
    }

    /** A receipt, marked when it is the one given the first time for a packet sent again. */
    public static SoapPacket receipt(SignedPacket receipt, boolean repeat) {
        SoapPacket packet = new SoapPacket(receipt.manifest(), receipt.signature(), List.of());
        packet.repeat = repeat ? Boolean.TRUE : null;
        return packet;
    }

    public boolean isRepeat() {
        return Boolean.TRUE.equals(repeat);
    }

    public SoapPacket(byte[] manifest, byte[] signature, List<Document> documents) {
        this.manifest = manifest;
        this.signature = signature;
        this.document = new ArrayList<>(documents);
    }

    public byte[] getManifest() {
        return manifest;
    }

    public byte[] getSignature() {
        return signature;
    }

    public List<Document> getDocuments() {
        return document == null ? List.of() : document;
    }

    /** @throws PacketException {@code packet.malformed} without a manifest and a signature */
    public SignedPacket signedPacket() {
        if (manifest == null || signature == null) {
            throw new PacketException("packet.malformed", "A packet needs a manifest and a signature.");
        }
        return new SignedPacket(manifest, signature);
    }

    /**
     * The attachments by name, unread: the receiver streams them. @throws PacketException {@code packet.malformed}
     * for a nameless or empty one, or a name given twice
     */
    public Map<String, DataHandler> documentsByName() {
        Map<String, DataHandler> documents = new LinkedHashMap<>();
        for (Document d : getDocuments()) {
            if (d.getName() == null || d.getContent() == null) {
                throw new PacketException("packet.malformed", "Every document needs a name and content.");
            }
            if (documents.put(d.getName(), d.getContent()) != null) {
                throw new PacketException("packet.malformed", "The document '" + d.getName() + "' appears twice.");
            }
        }
        return documents;
    }

    /** A client of one of the two contracts at {@code address}, with MTOM, as both sides use it. */
    public static <T> T client(Class<T> contract, String address) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(contract);
        factory.setAddress(address);
        T port = contract.cast(factory.create());
        ((SOAPBinding) ((BindingProvider) port).getBinding()).setMTOMEnabled(true);
        // A refusal is a soap:Client fault with the HTTP status REST would give (400, 403, 409): read it as the fault.
        ((BindingProvider) port).getRequestContext().put(READ_FAULTS_OF_4XX, Boolean.TRUE);
        return port;
    }

    /** One document beside the manifest, sent as an MTOM attachment. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Document", namespace = SoapPacket.NAMESPACE)
    public static class Document {
        @XmlAttribute(required = true)
        private String name;
        /** An MTOM attachment on the wire (XOP), or inline base64 from a client without MTOM. */
        @XmlElement(required = true)
        private DataHandler content;

        public Document() {
        }

        public Document(String name, DataHandler content) {
            this.name = name;
            this.content = content;
        }

        public String getName() {
            return name;
        }

        public DataHandler getContent() {
            return content;
        }
    }
}
