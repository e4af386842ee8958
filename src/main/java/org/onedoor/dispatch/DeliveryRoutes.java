package org.onedoor.dispatch;

import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.dispatch.contract.PacketFault;

import java.io.IOException;
import java.time.Duration;

import jakarta.xml.ws.WebServiceException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * One route per MDA with a system, {@code dispatch.<mda>.deliver}, made from the template of its transport.
 * Transient failures (no connection, timeout, HTTP 5xx, SOAP server fault) are redelivered here with the
 * connector's count and delay; then, like every other failure, the exception goes back to the caller, the
 * Camunda delivery job. No route marks an exception handled.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    static final String REST = "dispatch-rest";
    static final String SOAP = "dispatch-soap";

    private final ConnectorRegistry connectors;
    private final RestWire rest;
    private final SoapWire soap;

    DeliveryRoutes(ConnectorRegistry connectors, RestWire rest, SoapWire soap) {
        this.connectors = connectors;
        this.rest = rest;
        this.soap = soap;
    }

    static String uri(String mda) {
        return "direct:dispatch." + mda;
    }

    @Override
    public void configure() {
        routeTemplate(REST).templateParameter("mda").templateParameter("attempts").templateParameter("delay")
                .from("direct:dispatch.{{mda}}")
                .onException(IOException.class)
                    .maximumRedeliveries("{{attempts}}").redeliveryDelay("{{delay}}").end()
                .onException(HttpOperationFailedException.class).onWhen(DeliveryRoutes::serverError)
                    .maximumRedeliveries("{{attempts}}").redeliveryDelay("{{delay}}").end()
                .process(rest::toMultipart)
                .toD("${exchangeProperty." + MdaGateway.ENDPOINT + "}?httpClientConfigurer=#dispatch.{{mda}}.timeouts")
                .process(rest::readReceipt);

        routeTemplate(SOAP).templateParameter("mda").templateParameter("attempts").templateParameter("delay")
                .from("direct:dispatch.{{mda}}")
                .onException(WebServiceException.class).onWhen(DeliveryRoutes::transientSoapFailure)
                    .maximumRedeliveries("{{attempts}}").redeliveryDelay("{{delay}}").end()
                .process(soap::deliver);

        for (Connector connector : connectors.all()) {
            if (!connector.mode().hasSystem()) {
                continue;
            }
            templatedRoute(connector.mode() == Connector.Mode.rest ? REST : SOAP)
                    .routeId("dispatch." + connector.code() + ".deliver")
                    .parameter("mda", connector.code())
                    .parameter("attempts", String.valueOf(connector.redelivery().attempts()))
                    .parameter("delay", String.valueOf(connector.redelivery().delayDuration().toMillis()));
            if (connector.mode() == Connector.Mode.rest) {
                bindToRegistry("dispatch." + connector.code() + ".timeouts",
                        timeouts(connector.timeouts().connectDuration(), connector.timeouts().responseDuration()));
            }
        }
    }

    /**
     * Timeouts on a route's own HTTP client, which never retries or follows a redirect by itself: the connector's
     * redelivery count (or the notification outbox's attempts) is the number of resends, no more.
     */
    static HttpClientConfigurer timeouts(Duration connect, Duration response) {
        return builder -> builder
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(response))
                        .build())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connect))
                                .setSocketTimeout(Timeout.of(response))
                                .build())
                        .build());
    }

    private static boolean serverError(Exchange exchange) {
        return caught(exchange) instanceof HttpOperationFailedException e && e.getStatusCode() >= 500;
    }

    /** While onWhen decides, the failure is still the exchange's exception. */
    private static Throwable caught(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /**
     * No connection, a timeout, HTTP 5xx or a SOAP server fault. A declared {@link PacketFault} is a refusal and
     * HTTP 4xx a wrong address or contract: neither gets better by asking again at once.
     */
    private static boolean transientSoapFailure(Exchange exchange) {
        for (Throwable t = caught(exchange); t != null; t = t.getCause()) {
            if (t instanceof HTTPException http) {
                return http.getResponseCode() >= 500;
            }
            if (t instanceof SoapFault fault) {
                // soap:Server (1.1), soap:Receiver (1.2), or CXF's own "server" code.
                return fault.getFaultCode().getLocalPart().equalsIgnoreCase("Server")
                        || fault.getFaultCode().getLocalPart().equalsIgnoreCase("Receiver");
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
