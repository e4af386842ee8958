package org.onedoor.dispatch;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** OneDoor's SOAP endpoint for MDA systems, under CXF's {@code /ws}: the WSDL is {@code /ws/mda?wsdl}. */
@Configuration(proxyBeanMethods = false)
class SoapEndpoints {

    @Bean
    Endpoint mdaEndpoint(Bus bus, MdaSoapService service) {
        EndpointImpl endpoint = new EndpointImpl(bus, service);
        SoapFaultCodes.install(endpoint.getOutFaultInterceptors());
        endpoint.getOutInterceptors().add(new MtomLikeTheRequest());
        endpoint.getOutFaultInterceptors().add(new MtomLikeTheRequest());
        endpoint.publish("/mda");
        return endpoint;
    }

    /** A path under {@code /ws} without a SOAP service is a 404 problem like any other, not CXF's HTML page. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unknownSoapPaths(Bus bus) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getPathInfo();
                if (path != null && !path.equals("/") && bus.getExtension(HTTPTransportFactory.class).getRegistry()
                        .getDestinationForPath(path, true) == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/ws/*");
        return registration;
    }
}
