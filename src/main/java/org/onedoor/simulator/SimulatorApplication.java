package org.onedoor.simulator;

import java.time.Clock;

import org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The ministry simulator on its own, in a process of its own (benchmarks measure its CPU apart from OneDoor's;
 * tests restart OneDoor while the ministries keep running). Only the web and SOAP layers, no database, no
 * engine: the simulated ministries know OneDoor by its published contract alone. It listens on 127.0.0.1:
 * <pre>
 * java -cp target/onedoor-*.jar -Dloader.main=org.onedoor.simulator.SimulatorApplication \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --server.port=8090 \
 *   --onedoor.simulator.one-door-url=http://localhost:8080
 * </pre>
 * and OneDoor then reaches it with {@code onedoor.connectors.<mda>.endpoint}.
 */
// Not a @SpringBootConfiguration: OneDoor's component scan must not pick this class up.
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
        CxfAutoConfiguration.class})
@Import({SimulatorConfiguration.class, SimulatorController.class})
public class SimulatorApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SimulatorApplication.class).profiles("simulator")
                .properties("server.address=127.0.0.1", "spring.application.name=ministry-simulator",
                        "cxf.path=/ws", "spring.servlet.multipart.max-file-size=100MB",
                        "spring.servlet.multipart.max-request-size=200MB");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
