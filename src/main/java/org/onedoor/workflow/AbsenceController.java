package org.onedoor.workflow;

import java.security.Principal;
import java.util.List;

import org.onedoor.casework.Absences.Absence;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers record their absences and who acts for them ({@code POST /api/officer/absences}); an administrator may
 * record anyone's. {@code GET} lists those not over yet, {@code DELETE /api/officer/absences/{id}} cancels one.
 */
@RestController
class AbsenceController {

    private final ActingOfficers acting;

    AbsenceController(ActingOfficers acting) {
        this.acting = acting;
    }

    @PostMapping("/api/officer/absences")
    @ResponseStatus(HttpStatus.CREATED)
    Absence record(@RequestBody ActingOfficers.NewAbsence absence, Principal user) {
        return acting.record(absence, user.getName());
    }

    @GetMapping("/api/officer/absences")
    List<Absence> list(@RequestParam(required = false) String mdaCode, Principal user) {
        return acting.of(mdaCode, user.getName());
    }

    @DeleteMapping("/api/officer/absences/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable String id, Principal user) {
        acting.cancel(id, user.getName());
    }
}
