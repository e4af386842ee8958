package org.onedoor.simulator;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.onedoor.dispatch.contract.MultipartPacket;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.onedoor.simulator.SimulatedMdas.Reply;
import org.onedoor.packet.PacketException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated MDAs' REST side: {@code POST /simulator/mda/<mda>} takes a request packet in the multipart wire
 * form, as OneDoor's OpenAPI contract tells an MDA system to. For admins, {@code /simulator/control/<mda>/failure}
 * makes an MDA misbehave (or fall silent, so that a person answers in its place) and
 * {@code /simulator/control/<mda>/packets} lists what it received.
 */
@RestController
@Profile("simulator")
class SimulatorController {

    private final SimulatedMdas mdas;

    SimulatorController(SimulatedMdas mdas) {
        this.mdas = mdas;
    }

    @PostMapping(path = "/simulator/mda/{mda}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> deliver(@PathVariable String mda, HttpServletRequest request) {
        if (!mdas.plays(mda)) {
            return problem(HttpStatus.NOT_FOUND, "mda.unknown", "The simulator does not play '" + mda + "'.");
        }
        MultipartPacket parts;
        try {
            parts = MultipartPacket.read(request);
        } catch (PacketException malformed) {
            return problem(HttpStatus.BAD_REQUEST, malformed.code(), malformed.getMessage());
        }
        Reply reply = mdas.deliver(mda, SimulatedMdas.Transport.REST, parts.packet(), parts.documents());
        if (reply instanceof Reply.Receipt receipt) {
            return ResponseEntity.ok(receipt.packet().toJson());
        }
        if (reply instanceof Reply.Refused refused) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, refused.code(), refused.detail());
        }
        return switch (((Reply.Fail) reply).failure()) {
            case DOWN -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            case MALFORMED -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<html>Maintenance</html>");
            case LOST -> ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
            default -> problem(HttpStatus.INTERNAL_SERVER_ERROR, "mda.error", "The simulated system failed.");
        };
    }

    @PutMapping("/simulator/control/{mda}/failure")
    ResponseEntity<Void> fail(@PathVariable String mda, @RequestParam Failure mode,
            @RequestParam(defaultValue = "0") int times) {
        mdas.fail(mda, mode, times);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/simulator/control/{mda}/packets")
    List<Map<String, Object>> received(@PathVariable String mda) {
        return mdas.received(mda);
    }

    /** How often each packet id arrived: taken once, every further arrival answered as a duplicate. */
    @GetMapping("/simulator/control/arrivals")
    Map<String, Integer> arrivals() {
        return mdas.arrivals();
    }

    @DeleteMapping("/simulator/control/{mda}/failure")
    ResponseEntity<Void> heal(@PathVariable String mda) {
        mdas.heal(mda);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
