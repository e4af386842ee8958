package org.onedoor.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.onedoor.casework.WorkingDayCalendar;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AngularJS module that Tasklist's configuration ({@code app/tasklist/scripts/config.js}) loads so that officers
 * read Tasklist's dates in the deployment's zone ({@code onedoor.calendar.zone}), whatever their browser's zone.
 */
@RestController
class TasklistTimeZone {

    private static final String TEMPLATE = "workbench/onedoor-time-zone.js";
    /** The template's line that takes the zone. */
    private static final String ZONE = "var zone = ZONE;";

    private final String script;

    TasklistTimeZone(WorkingDayCalendar calendar) {
        try {
            String template = new ClassPathResource(TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
            if (!template.contains(ZONE)) {
                throw new IllegalStateException(TEMPLATE + " lost its line '" + ZONE + "'");
            }
            script = template.replace(ZONE, "var zone = '" + calendar.zone().getId() + "';");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/camunda/app/tasklist/scripts/onedoor-time-zone.js", produces = "text/javascript")
    ResponseEntity<String> script() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
    }
}
