package org.onedoor.system;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who the page is logged in as, and with which groups (none when nobody is). Reading it
 * also hands the page its CSRF token cookie. Logging in is {@code POST /api/session} (form fields {@code username},
 * {@code password}), logging out {@code POST /api/session/logout}: Spring Security's own filters.
 */
@RestController
class SessionController {

    /** {@code citizen}: signed in to the portal by a one-time code; {@code user} is then the phone number. */
    record Session(String user, List<String> groups, boolean citizen) {
    }

    @GetMapping("/api/session")
    Session current(Authentication authentication, CsrfToken csrf) {
        csrf.getToken();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return new Session(null, List.of(), false);
        }
        return new Session(authentication.getName(), UserGroups.of(authentication),
                authentication instanceof CitizenSessions.Citizen);
    }
}
