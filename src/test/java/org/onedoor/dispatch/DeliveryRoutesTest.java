package org.onedoor.dispatch;

import org.onedoor.mda.Connector;
import org.onedoor.mda.ConnectorRegistry;
import org.onedoor.dispatch.contract.PacketFault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.WebServiceException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.packet.SignedPacket;
import org.onedoor.system.YamlFiles;
import org.springframework.mock.env.MockEnvironment;

/**
 * The routes made from the connectors, on a real Camel context: the REST route against a local HTTP server
 * that answers as scripted, the SOAP route with its client replaced. What is transient is redelivered the
 * connector's number of times; everything else, and what is still failing after that, reaches the caller.
 */
class DeliveryRoutesTest {

    @TempDir
    Path folder;

    HttpServer server;
    final Deque<Integer> statuses = new ArrayDeque<>();
    final AtomicInteger requests = new AtomicInteger();
    static final int SLOW = 1;
    static final int DROP = 2;
    SoapWire soap = mock(SoapWire.class);
    CamelContext camel;
    ProducerTemplate producer;
    ConnectorRegistry connectors;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/packets", http -> {
            requests.incrementAndGet();
            byte[] request = http.getRequestBody().readAllBytes();
            int status = statuses.isEmpty() ? 200 : statuses.pop();
            if (status == DROP) {
                // Read, then hang up without an answer: a lost connection, which HTTP clients like to retry.
                http.close();
                return;
            }
            if (status == SLOW) {
                sleep(1500);
                status = 200;
            }
            byte[] body = status == 200
                    ? (new String(request, StandardCharsets.ISO_8859_1).contains("name=\"manifest\"")
                            ? "{\"manifest\":\"e30=\",\"signature\":\"AA==\"}" : "no manifest part").getBytes()
                    : status == 299 ? "<html>maintenance</html>".getBytes()
                    : "{\"code\":\"mda.cannot-process\",\"detail\":\"no\"}".getBytes();
            http.sendResponseHeaders(status == 299 ? 200 : status, body.length);
            http.getResponseBody().write(body);
            http.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        for (String mda : List.of("tax-office", "post-office")) {
            Path dir = Files.createDirectories(folder.resolve(mda));
            Files.copy(Path.of("certs/dev/land-office.pem"), dir.resolve("cert.pem"));
            Files.writeString(dir.resolve("connector.yaml"), """
                    code: %s
                    name: {en: An MDA, bn: একটি সংস্থা}
                    mode: %s
                    endpoint: http://127.0.0.1:%d/packets
                    timeouts: {connect: 500ms, response: 500ms}
                    redelivery: {attempts: 2, delay: 10ms}
                    trust: [cert.pem]
                    """.formatted(mda, mda.equals("tax-office") ? "rest" : "soap", server.getAddress().getPort()));
        }
        connectors = new ConnectorRegistry(YamlFiles.find("file:" + folder + "/*/connector.yaml"), new MockEnvironment());
        camel = new DefaultCamelContext();
        DeliveryRoutes routes = new DeliveryRoutes(connectors, new RestWire(new ObjectMapper()), soap);
        camel.addRoutes(routes);
        // What Camel's Spring Boot starter does for every RouteBuilder bean: the routes made from templates.
        camel.addTemplatedRoutes(routes);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.stop(0);
    }

    private Exchange send(String mda) {
        Connector connector = connectors.get(mda);
        OutboundPacket packet = new OutboundPacket(connector, connectors.endpoint(connector),
                new SignedPacket("{}".getBytes(), new byte[] {1}),
                List.of(new OutboundPacket.Attachment("deed", "application/pdf", 4,
                        () -> new java.io.ByteArrayInputStream(new byte[] {'%', 'P', 'D', 'F'}))));
        return producer.send(DeliveryRoutes.uri(mda), exchange -> {
            exchange.setProperty(MdaGateway.ENDPOINT, packet.endpoint());
            exchange.getMessage().setBody(packet);
        });
    }

    @Test
    void oneRoutePerMdaWithASystemNamedAfterIt() {
        assertThat(connectors.all()).hasSize(2);
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId())
                .containsExactlyInAnyOrder("dispatch.tax-office.deliver", "dispatch.post-office.deliver");
    }

    @Test
    void restPostsTheMultipartFormAndReturnsTheReceipt() {
        Exchange done = send("tax-office");
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(SignedPacket.class).manifest()).isEqualTo("{}".getBytes());
        assertThat(requests).hasValue(1);
    }

    @Test
    void restServerErrorsAreRedeliveredThenSucceed() {
        statuses.addAll(List.of(503, 500));
        Exchange done = send("tax-office");
        assertThat(done.getException()).isNull();
        assertThat(requests).as("two failures, then the third attempt").hasValue(3);
    }

    @Test
    void restServerErrorsBeyondTheRedeliveriesReachTheCallerUnhandled() {
        statuses.addAll(List.of(500, 500, 500, 500));
        Exchange done = send("tax-office");
        assertThat(done.getException()).isInstanceOfSatisfying(HttpOperationFailedException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThat(requests).hasValue(3);
    }

    /**
     * The HTTP client never resends by itself (its default resends a 503 once): a job run is exactly
     * 1 + redelivery.attempts requests, as docs/connectors.md says.
     */
    @Test
    void aPacketIsSentExactlyAsOftenAsTheConnectorSays() {
        statuses.addAll(List.of(503, 503, 503, 503, 503, 503));
        assertThat(send("tax-office").getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(requests).as("1 + redelivery.attempts (2), not doubled by the client").hasValue(3);

        requests.set(0);
        statuses.clear();
        statuses.addAll(List.of(DROP, DROP, DROP, DROP, DROP, DROP));
        assertThat(send("tax-office").getException()).isInstanceOf(IOException.class);
        assertThat(requests).as("a lost connection likewise").hasValue(3);
    }

    @Test
    void aRefusalIsNeitherRedeliveredNorHandled() {
        statuses.add(422);
        Exchange done = send("tax-office");
        assertThat(done.getException()).isInstanceOfSatisfying(HttpOperationFailedException.class,
                e -> assertThat(e.getResponseBody()).contains("mda.cannot-process"));
        assertThat(requests).hasValue(1);
    }

    @Test
    void aMalformedReplyGoesToTheJobWithoutRedelivery() {
        statuses.add(299);
        Exchange done = send("tax-office");
        assertThat(done.getException()).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("without a signed receipt");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aSlowAnswerTimesOutAfterTheConnectorsResponseTimeoutAndIsRedelivered() {
        statuses.addAll(List.of(SLOW, SLOW));
        Exchange done = send("tax-office");
        assertThat(done.getException()).isNull();
        assertThat(requests).hasValue(3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void noConnectionIsRedeliveredThenReachesTheCaller() {
        server.stop(0);
        Exchange done = send("tax-office");
        assertThat(done.getException()).isInstanceOf(IOException.class);
    }

    @Test
    void soapTransientFaultsAreRedeliveredAndDeclaredFaultsAreNot() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        doAnswer(call -> {
            if (calls.incrementAndGet() <= 2) {
                throw new WebServiceException("Could not send Message.", new ConnectException("refused"));
            }
            call.getArgument(0, Exchange.class).getMessage().setBody(new SignedPacket(new byte[] {1}, new byte[] {2}));
            return null;
        }).when(soap).deliver(any());
        assertThat(send("post-office").getException()).isNull();
        assertThat(calls).hasValue(3);

        calls.set(0);
        doAnswer(call -> {
            calls.incrementAndGet();
            throw new WebServiceException(new SoapFault("down", SoapFault.FAULT_CODE_SERVER));
        }).when(soap).deliver(any());
        assertThat(send("post-office").getException()).isInstanceOf(WebServiceException.class);
        assertThat(calls).as("server faults: redelivered, then to the caller").hasValue(3);

        calls.set(0);
        doAnswer(call -> {
            calls.incrementAndGet();
            throw new PacketFault("refused", new PacketFault.Problem("signature.invalid", "bad"));
        }).when(soap).deliver(any());
        assertThat(send("post-office").getException()).isInstanceOf(PacketFault.class);
        assertThat(calls).hasValue(1);
    }
}
