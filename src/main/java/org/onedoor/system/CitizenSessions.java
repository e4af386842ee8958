package org.onedoor.system;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The portal's sign-in: a citizen who proved a phone number with a one-time code gets a session of their own, which
 * reaches the portal's endpoints only ({@code /api/portal/**}). It is no OneDoor or Camunda user, so no rule for
 * staff ever matches it, and the staff session filter leaves it as it is.
 */
@Component
public class CitizenSessions {

    /** The one authority of a citizen's session. */
    public static final String AUTHORITY = "CITIZEN";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    /** The verified number, in a new session (no fixation), with a new CSRF token. */
    public void signIn(String phone, Duration idle, HttpServletRequest request, HttpServletResponse response) {
        // A new session, not the old one renamed: nothing of a login before (a Tasklist session at a shared counter)
        // comes along.
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        request.getSession(true).setMaxInactiveInterval((int) idle.toSeconds());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new Citizen(phone));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SecurityConfiguration.csrfTokens().saveToken(null, request, response);
    }

    /** A citizen signed in by a one-time code: the phone number is the name. */
    static final class Citizen extends AbstractAuthenticationToken {

        private final String phone;

        Citizen(String phone) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            this.phone = phone;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return phone;
        }
    }
}
