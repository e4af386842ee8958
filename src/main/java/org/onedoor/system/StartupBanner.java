package org.onedoor.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where OneDoor answers, once it is ready, so that a person starting it knows what to open. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            log.info("""

                    ==============================================================
                      OneDoor is ready:        {}/
                      Camunda Tasklist/Cockpit: {}/camunda/app/
                      Service catalogue:       {}/api/services
                    ==============================================================""", base, base, base);
        }
    }
}
