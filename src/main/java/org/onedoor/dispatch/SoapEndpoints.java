package org.onedoor.dispatch;

import java.io.IOException;
import java.util.HashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.onedoor.documents.DocumentSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OneDoor's SOAP endpoint for MDA systems, under CXF's {@code /ws}: the WSDL is {@code /ws/mda?wsdl}. Envelopes are
 * bounded by CXF's StAX limits ({@link SoapLimits}) and bodies by {@code onedoor.documents.max-request-size}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SoapLimits.class)
class SoapEndpoints {

    @Bean
    Endpoint mdaEndpoint(Bus bus, MdaSoapService service, SoapLimits limits) {
        EndpointImpl endpoint = new EndpointImpl(bus, service);
        endpoint.setProperties(new HashMap<>(limits.cxfProperties()));
        SoapFaultCodes.install(endpoint.getOutFaultInterceptors());
        endpoint.getOutInterceptors().add(new MtomLikeTheRequest());
        endpoint.getOutFaultInterceptors().add(new MtomLikeTheRequest());
        endpoint.publish("/mda");
        return endpoint;
    }

    /**
     * A body larger than a filing may be is refused before CXF reads it (413, a SOAP fault with the code
     * {@code request.too-large}); a body without a declared length is cut off at the limit.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> soapBodyLimit(DocumentSettings documents) {
        long limit = documents.maxRequestSize().toBytes();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > limit) {
                    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    response.setContentType("text/xml;charset=UTF-8");
                    response.setHeader("Connection", "close");
                    response.getWriter().write(SoapFaultCodes.fault("request.too-large",
                            "The SOAP request is larger than " + limit + " bytes."));
                    return;
                }
                chain.doFilter(new LimitedRequest(request, limit), response);
            }
        });
        registration.addUrlPatterns("/ws/*");
        return registration;
    }

    /** A request whose body stops with an error at {@code limit} bytes. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(0, n));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new IOException("The SOAP request is larger than " + limit + " bytes.");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
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
