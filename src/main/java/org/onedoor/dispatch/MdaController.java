package org.onedoor.dispatch;

import org.onedoor.dispatch.contract.MultipartPacket;
import org.onedoor.dispatch.contract.MdaSystemPort;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.onedoor.dispatch.MdaAnswers.Operation;
import org.onedoor.packet.ContractSchemas;
import org.onedoor.system.OneDoorException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
    Map<String, Object> acknowledge(HttpServletRequest request) {
        return receive(Operation.ACKNOWLEDGE, request);
    }

    @PostMapping(path = "/information-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> requestInformation(HttpServletRequest request) {
        return receive(Operation.REQUEST_INFORMATION, request);
    }

    @PostMapping(path = "/decisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> decide(HttpServletRequest request) {
        return receive(Operation.DECIDE, request);
    }

    @PostMapping(path = "/status-updates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> updateStatus(HttpServletRequest request) {
        return receive(Operation.UPDATE_STATUS, request);
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    Resource openApi() {
        return new ClassPathResource(OPENAPI);
    }

    /** The JSON Schemas of the manifest and of every packet type's payload, which OneDoor validates with. */
    @GetMapping(path = "/schemas/{name}", produces = "application/schema+json")
    Resource schema(@PathVariable String name) {
        return ContractSchemas.file(name).orElseThrow(() -> new OneDoorException("resource.not-found",
                HttpStatus.NOT_FOUND, "No schema '" + name + "'; the manifest's is " + ContractSchemas.MANIFEST + "."));
    }

    /** The SOAP contract an MDA system implements to receive request packets ({@link MdaSystemPort}). */
    @GetMapping(path = "/mda-system.wsdl", produces = MediaType.TEXT_XML_VALUE)
    Resource mdaSystemWsdl() {
        return new ClassPathResource(MDA_SYSTEM_WSDL);
    }

    /** The receipt's JSON form, and {@code "repeat": true} when the very same packet had been taken before. */
    private Map<String, Object> receive(Operation operation, HttpServletRequest request) {
        MultipartPacket parts = MultipartPacket.read(request);
        MdaAnswers.Receipt receipt = answers.receive(operation, parts.packet(), parts.documents());
        Map<String, Object> body = new java.util.LinkedHashMap<>(receipt.packet().toJson());
        if (receipt.repeat()) {
            body.put("repeat", true);
        }
        return body;
    }
}
