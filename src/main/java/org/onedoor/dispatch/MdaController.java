package org.onedoor.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.onedoor.dispatch.MdaAnswers.Operation;
import org.onedoor.packet.PacketException;
import org.onedoor.packet.SignedPacket;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What MDA systems call on OneDoor over REST ({@code /api/mda/openapi.yaml}). Each call is one packet in the
 * multipart wire form; the caller is authenticated by the packet's signature, not by a password. The answer is
 * OneDoor's signed receipt, or a problem with a stable code.
 */
@RestController
@RequestMapping("/api/mda")
class MdaController {

    static final String OPENAPI = "contracts/mda-openapi.yaml";
    static final String MDA_SYSTEM_WSDL = "contracts/mda-system.wsdl";

    private final MdaAnswers answers;

    MdaController(MdaAnswers answers) {
        this.answers = answers;
    }

    @PostMapping(path = "/acknowledgements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, String> acknowledge(HttpServletRequest request) {
        return receive(Operation.ACKNOWLEDGE, request);
    }

    @PostMapping(path = "/decisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, String> decide(HttpServletRequest request) {
        return receive(Operation.DECIDE, request);
    }

    @PostMapping(path = "/status-updates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, String> updateStatus(HttpServletRequest request) {
        return receive(Operation.UPDATE_STATUS, request);
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    Resource openApi() {
        return new ClassPathResource(OPENAPI);
    }

    /** The SOAP contract an MDA system implements to receive request packets ({@link MdaSystemPort}). */
    @GetMapping(path = "/mda-system.wsdl", produces = MediaType.TEXT_XML_VALUE)
    Resource mdaSystemWsdl() {
        return new ClassPathResource(MDA_SYSTEM_WSDL);
    }

    private Map<String, String> receive(Operation operation, HttpServletRequest request) {
        Parts parts = Parts.read(request);
        return answers.receive(operation, parts.packet(), parts.documents()).toJson();
    }

    /** The multipart wire form, read part by part as raw bytes so that the manifest arrives byte for byte. */
    record Parts(SignedPacket packet, Map<String, byte[]> documents) {

        static Parts read(HttpServletRequest request) {
            byte[] manifest = null;
            byte[] signature = null;
            Map<String, byte[]> documents = new LinkedHashMap<>();
            try {
                for (Part part : request.getParts()) {
                    byte[] content;
                    try (InputStream in = part.getInputStream()) {
                        content = in.readAllBytes();
                    }
                    switch (part.getName()) {
                        case "manifest" -> manifest = content;
                        case "signature" -> signature = content;
                        default -> {
                            if (documents.put(part.getName(), content) != null) {
                                throw new PacketException("packet.malformed", "The part '" + part.getName() + "' appears twice.");
                            }
                        }
                    }
                }
            } catch (IOException | ServletException e) {
                throw new PacketException("packet.malformed", "The body is not multipart/form-data: " + e.getMessage());
            }
            if (manifest == null || signature == null) {
                throw new PacketException("packet.malformed",
                        "A packet needs a part 'manifest' (the signed JSON) and a part 'signature' (DER CMS).");
            }
            return new Parts(new SignedPacket(manifest, signature), documents);
        }
    }
}
