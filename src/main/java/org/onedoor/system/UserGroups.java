package org.onedoor.system;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The groups of a signed-in user, as OneDoor's authentication grants them (Camunda's groups). */
public final class UserGroups {

    private UserGroups() {
    }

    public static List<String> of(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaIdentityAuthentication.GROUP))
                .map(a -> a.substring(CamundaIdentityAuthentication.GROUP.length())).toList();
    }
}
