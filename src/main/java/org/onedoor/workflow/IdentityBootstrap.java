package org.onedoor.workflow;

import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Applies {@link IdentitySetup} at startup, then, in the demo profile only, creates the demo users. */
@Component
class IdentityBootstrap implements ApplicationRunner {

    private final IdentitySetup setup;
    private final Optional<DemoUsers> demoUsers;

    IdentityBootstrap(IdentitySetup setup, Optional<DemoUsers> demoUsers) {
        this.setup = setup;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        setup.apply();
        demoUsers.ifPresent(DemoUsers::create);
        setup.holders();
    }
}
