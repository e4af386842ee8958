package org.onedoor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application in the demo profile (with the ministry simulator) on a random port, on H2 or
 * PostgreSQL ({@link TestDatabase}).
 * Every test class using it shares one cached context. Its meters go to Prometheus as in production (a Spring Boot
 * test keeps them in memory only, unless asked).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The simulated ministries decide at once and a stored answer is relayed quickly: tests wait less.
        "onedoor.simulator.decision-delay=200ms", "onedoor.workflow.relay-interval=1s",
        // A delivery job that fails (or collides with a parallel MDA's job) runs again a second later, not a minute.
        "onedoor.connectors.fire-service.retry-cycle=R5/PT1S", "onedoor.connectors.environment.retry-cycle=R5/PT1S",
        // A job whose failure could not be recorded runs again when its lock expires: after 10 s here.
        "camunda.bpm.job-execution.lock-time-in-millis=10000"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.class)
public @interface DemoIntegrationTest {
}
