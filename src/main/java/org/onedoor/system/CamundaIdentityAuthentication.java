package org.onedoor.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One set of users for everything: Spring Security checks passwords and groups against Camunda's identity
 * service, where Admin manages them. A group {@code frontdesk} becomes the authority {@code GROUP_frontdesk}.
 * Camunda locks a user for a while after wrong passwords; whoever then gives the right password is told that the
 * user is locked and for how long, while a wrong password, or a user that does not exist, learns nothing.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    static final String GROUP = "GROUP_";

    private final IdentityService identity;
    private final PasswordManager passwords;
    private final Clock clock;

    CamundaIdentityAuthentication(IdentityService identity, ProcessEngine engine, Clock clock) {
        this.identity = identity;
        this.passwords = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getPasswordManager();
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        if (!identity.checkPassword(user, password.toString())) {
            lockedUntil(user, password.toString()).ifPresent(until -> {
                long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
                throw new LockedException("This user is locked after wrong passwords for " + seconds
                        + " more second(s), until " + until + "; then log in again.");
            });
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    }

    List<SimpleGrantedAuthority> authorities(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority(GROUP + id)).toList();
    }

    /** A webapp session outlives nothing: a user deleted in Admin is logged out of OneDoor's routes at once. */
    boolean exists(String user) {
        return identity.createUserQuery().userId(user).count() == 1;
    }

    /** When the user's lock ends, told only to whoever knows the user's password. */
    private Optional<Instant> lockedUntil(String user, String password) {
        if (!(identity.createUserQuery().userId(user).singleResult() instanceof UserEntity entity)
                || entity.getLockExpirationTime() == null) {
            return Optional.empty();
        }
        Instant until = entity.getLockExpirationTime().toInstant();
        return until.isAfter(clock.instant()) && passwords.check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword())
                ? Optional.of(until) : Optional.empty();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
