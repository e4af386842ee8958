package org.onedoor.dispatch;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OneDoor's SOAP endpoint for MDA systems, under CXF's {@code /ws}: the WSDL is {@code /ws/mda?wsdl}. */
@Configuration(proxyBeanMethods = false)
class SoapEndpoints {

    @Bean
    Endpoint mdaEndpoint(Bus bus, MdaSoapService service) {
        EndpointImpl endpoint = new EndpointImpl(bus, service);
        endpoint.getOutFaultInterceptors().add(new SoapFaultCodes());
        endpoint.getOutInterceptors().add(new MtomLikeTheRequest());
        endpoint.getOutFaultInterceptors().add(new MtomLikeTheRequest());
        endpoint.publish("/mda");
        return endpoint;
    }
}
