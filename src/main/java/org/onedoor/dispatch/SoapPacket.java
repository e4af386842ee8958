package org.onedoor.dispatch;

import java.util.ArrayList;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMimeType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A packet on the SOAP wire: the manifest's exact signed bytes and the DER signature as {@code base64Binary},
 * each document an MTOM attachment named as in the manifest. The same packet as the REST multipart form.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Packet", namespace = SoapPacket.NAMESPACE, propOrder = {"manifest", "signature", "document"})
public class SoapPacket {

    public static final String NAMESPACE = "urn:onedoor:mda:1";

    @XmlElement(required = true)
    private byte[] manifest;
    @XmlElement(required = true)
    private byte[] signature;
    private List<Document> document = new ArrayList<>();

    public SoapPacket() {
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

    /** One document beside the manifest, sent as an MTOM attachment. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Document", namespace = SoapPacket.NAMESPACE)
    public static class Document {
        @XmlAttribute(required = true)
        private String name;
        @XmlMimeType("application/octet-stream")
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
