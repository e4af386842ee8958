package org.onedoor.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An officer logged in to Tasklist opens a request's file and documents from the task without a second login: a
 * GET that brings no credentials of its own is the user of the Camunda webapps' session, with the groups the
 * identity service gives that user now. Only reads: Camunda's own CSRF protection does not cover OneDoor's routes.
 * A login to OneDoor's own pages is held to the same: its user and groups are read again on every request, so a
 * user removed or moved to other groups in Admin loses the old rights at once.
 */
final class CamundaWebappSession extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final CamundaIdentityAuthentication users;

    CamundaWebappSession(ProcessEngine engine, CamundaIdentityAuthentication users) {
        this.engine = engine;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        org.springframework.security.core.Authentication page = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && page instanceof UsernamePasswordAuthenticationToken
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (users.exists(page.getName())) {
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(page.getName(), null,
                        users.authorities(page.getName())));
            }
            SecurityContextHolder.setContext(context);
        } else if (session != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            Authentications all = AuthenticationUtil.getAuthsFromSession(session);
            Authentication camunda = all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
            if (camunda != null && users.exists(camunda.getName())) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(camunda.getName(), null,
                        users.authorities(camunda.getName())));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
