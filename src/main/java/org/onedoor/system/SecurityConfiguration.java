package org.onedoor.system;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. OneDoor's REST API uses HTTP Basic against the same users as the Camunda webapps, and for
 * reads also the webapps' session (an officer opening a document from Tasklist); the webapps and Camunda's REST
 * API authenticate themselves (their own login and filter), so Spring Security lets those paths through.
 * OneDoor's own pages log in once ({@code POST /api/session}) and work in that session; a change made in a session
 * must carry the session's CSRF token (cookie {@code ONEDOOR-XSRF-TOKEN}, header {@code X-ONEDOOR-XSRF-TOKEN}),
 * while a call with its own credentials needs none. Everything not listed as public needs a login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectMapper json;

    SecurityConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        // Path matchers, not MVC matchers: the webapps' API and the engine REST API are servlets of their own.
        return http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // Camunda's webapps bring their own CSRF protection; its REST API is stateless.
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthentication users, ProcessEngine engine)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = csrfTokens();
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/track.html", "/portal.html", "/supervisors.html",
                                "/favicon.ico", "/assets/**", "/webjars/**").permitAll()
                        .requestMatchers("/api/services/**", "/api/track/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/session", "/api/requests/expected-completion").permitAll()
                        // The portal: a one-time code by SMS signs a citizen in, for the portal's own endpoints only.
                        .requestMatchers(HttpMethod.POST, "/api/portal/code", "/api/portal/session").permitAll()
                        .requestMatchers("/api/portal/**").hasAuthority(CitizenSessions.AUTHORITY)
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // MDA systems (and the demo's simulated ones) prove who they are by signing every packet.
                        .requestMatchers("/api/mda/**", "/simulator/mda/**").permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/ws/**")).permitAll()
                        .requestMatchers("/simulator/**").hasAuthority(CamundaIdentityAuthentication.GROUP + "camunda-admin")
                        .requestMatchers("/api/requests/**").hasAuthority(CamundaIdentityAuthentication.GROUP + "frontdesk")
                        .requestMatchers("/api/admin/**").hasAuthority(CamundaIdentityAuthentication.GROUP + "camunda-admin")
                        // The KPIs: also for an MDA's own supervisors, whom reporting shows their MDA only.
                        .requestMatchers("/api/supervisor/kpis", "/api/supervisor/kpis.csv").access(
                                (authentication, context) -> new AuthorizationDecision(supervisor(authentication.get())))
                        .requestMatchers("/api/supervisor/**").hasAnyAuthority(
                                CamundaIdentityAuthentication.GROUP + "supervisor",
                                CamundaIdentityAuthentication.GROUP + "camunda-admin")
                        .requestMatchers("/actuator/**").hasAnyAuthority(
                                CamundaIdentityAuthentication.GROUP + "supervisor",
                                CamundaIdentityAuthentication.GROUP + "camunda-admin")
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                staff(authentication.get()))))
                .authenticationProvider(users)
                .addFilterBefore(new CamundaWebappSession(engine, users), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.realmName("OneDoor").authenticationEntryPoint(this::loginRequired))
                .exceptionHandling(e -> e.authenticationEntryPoint(this::loginRequired)
                        .accessDeniedHandler((request, response, denied) ->
                                problem(response, "auth.forbidden", HttpStatus.FORBIDDEN, "Your role may not do this.")))
                // The pages' login: a session (a new id on login), answered with status codes, not redirects and
                // not Spring's generated login page (the front desk's page is the login page).
                .formLogin(f -> f.loginPage("/").loginProcessingUrl("/api/session")
                        .successHandler((request, response, auth) -> {
                            // A new session id and a new CSRF token for the login (no fixation of either).
                            request.changeSessionId();
                            csrfTokens.saveToken(null, request, response);
                            response.setStatus(HttpStatus.NO_CONTENT.value());
                        })
                        .failureHandler((request, response, e) -> problem(response,
                                e instanceof LockedException ? "auth.locked" : "auth.failed", HttpStatus.UNAUTHORIZED,
                                e instanceof LockedException ? e.getMessage() : "Wrong user or password.")))
                .logout(l -> l.logoutUrl("/api/session/logout")
                        .logoutSuccessHandler((request, response, auth) -> response.setStatus(HttpStatus.NO_CONTENT.value())))
                // Basic calls are kept in no session; a page's login is. The webapps' session is only read: without
                // session management nothing stores the user a webapp session stood for in that session (it would then
                // pass for a login to the pages, and write), and Tasklist keeps its session id.
                .sessionManagement(s -> s.disable())
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::browserChange))
                .build();
    }

    /** Anyone signed in but a citizen of the portal. */
    private static boolean staff(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !(authentication instanceof CitizenSessions.Citizen);
    }

    /** The ODSC's supervisors and administrators, and an MDA's supervisors (group {@code <mda>-supervisor}). */
    private static boolean supervisor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(CamundaIdentityAuthentication.GROUP + "camunda-admin")
                        || a.equals(CamundaIdentityAuthentication.GROUP + "supervisor")
                        || a.startsWith(CamundaIdentityAuthentication.GROUP) && a.endsWith("-supervisor"));
    }

    /** The pages read the token from a cookie and send it back in a header, as Camunda's webapps do with theirs. */
    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName("ONEDOOR-XSRF-TOKEN");
        tokens.setHeaderName("X-ONEDOOR-XSRF-TOKEN");
        tokens.setCookieCustomizer(c -> c.path("/").sameSite("Strict"));
        return tokens;
    }

    /**
     * 401 with problem details. A client of the API is asked for Basic credentials; a page's own request
     * ({@code fetch}, marked by the browser's {@code Sec-Fetch-Mode}) is not, so that no browser is led to keep
     * Basic credentials it would then send along with another site's requests.
     */
    private void loginRequired(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode == null || "navigate".equals(mode)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OneDoor\"");
        }
        if (e instanceof LockedException locked) {
            problem(response, "auth.locked", HttpStatus.UNAUTHORIZED, locked.getMessage());
        } else {
            problem(response, "auth.required", HttpStatus.UNAUTHORIZED, "Log in with your OneDoor user.");
        }
    }

    /**
     * A change a browser could be made to send by another site: one carried by a session cookie, any change the
     * browser itself marks as not coming from OneDoor's own pages ({@code Sec-Fetch-Site}), whatever credentials
     * it carries, and the pages' login. A call with its own credentials from a program (no {@code Sec-Fetch-Site})
     * or without a session (an MDA's signed packet) is not one.
     */
    private static boolean browserChange(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
            return true;
        }
        return "/api/session".equals(request.getServletPath()) || "/api/portal/session".equals(request.getServletPath())
                || request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    private void problem(HttpServletResponse response, String code, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetails.of(code, status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
