package org.onedoor.workflow;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed the task whose transaction runs a delegate or listener: the user the engine's command runs as. */
final class Officers {

    private Officers() {
    }

    static String current(ProcessEngineServicesAware delegate) {
        Authentication who = delegate.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return who == null ? null : who.getUserId();
    }
}
