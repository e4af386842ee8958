package org.onedoor.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/** The {@code simulator} profile: the demo's ministry systems, REST at {@code /simulator/mda/<mda>}, SOAP at {@code /ws/simulator/<mda>}. */
@Configuration(proxyBeanMethods = false)
@Profile("simulator")
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    @Bean
    SimulatedMdas simulatedMdas(SimulatorProperties properties, RestClient.Builder rest, Clock clock,
            Environment environment) {
        return new SimulatedMdas(properties, new AnswerChannel(
                () -> environment.resolveRequiredPlaceholders(properties.oneDoorUrl()), rest), clock);
    }

    @Bean
    List<EndpointImpl> simulatorSoapEndpoints(Bus bus, SimulatorProperties properties, SimulatedMdas mdas) {
        List<EndpointImpl> endpoints = new ArrayList<>();
        for (String mda : properties.mdas()) {
            EndpointImpl endpoint = new EndpointImpl(bus, new SimulatorSoapService(mda, mdas));
            endpoint.publish("/simulator/" + mda);
            endpoints.add(endpoint);
        }
        return endpoints;
    }
}
