package org.onedoor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import jakarta.xml.ws.BindingProvider;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.apache.cxf.tools.common.ToolContext;
import org.apache.cxf.tools.wsdlto.WSDLToJava;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.dispatch.contract.SoapPacket;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The published contracts read by tools that are not OneDoor's: the OpenAPI document, with the JSON Schemas it
 * refers to, by swagger-parser; both WSDLs by CXF's wsdl2java, whose client is compiled and then called.
 */
@DemoIntegrationTest
class ContractDocumentsIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theOpenApiDocumentAndItsSchemasParseWithoutAMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(url("/api/mda/openapi.yaml"), null, options);
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths()).containsKeys("/api/mda/acknowledgements", "/api/mda/status-updates",
                "/api/mda/information-requests", "/api/mda/decisions");
        assertThat(api.getWebhooks()).containsKey("deliverRequest");

        // The decision's manifest is typed down to its payload's members, from the published schema files.
        ParseOptions full = new ParseOptions();
        full.setResolve(true);
        full.setResolveFully(true);
        OpenAPI resolved = new OpenAPIV3Parser().readLocation(url("/api/mda/openapi.yaml"), null, full).getOpenAPI();
        Schema<?> decision = resolved.getComponents().getSchemas().get("DecisionManifest");
        List<Schema> parts = decision.getAllOf();
        assertThat(parts.get(0).getRequired()).contains("packetId", "type", "payload", "documents");
        Schema<?> payload = (Schema<?>) parts.get(1).getProperties().get("payload");
        assertThat(payload.getProperties()).containsOnlyKeys("inReplyTo", "outcome", "reason");
        assertThat(payload.getRequired()).containsExactly("inReplyTo", "outcome");
    }

    @Test
    void oneDoorsWsdlGivesAClientThatCompilesAndIsAnsweredWithTheDeclaredFault(@TempDir Path dir) throws Exception {
        Path classes = generateAndCompile(url("/ws/mda?wsdl"), "gen.onedoor", dir);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            // JAX-WS and JAXB find the generated classes through the context class loader, as in the MDA's own build.
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> service = loader.loadClass("gen.onedoor.OneDoorMdaService");
            Object port = service.getMethod("getOneDoorMdaPort").invoke(service.getConstructor(URL.class)
                    .newInstance(new URL(url("/ws/mda?wsdl"))));
            // As docs/integrators.md tells CXF users: read the fault of a 4xx reply as the fault it is.
            ((BindingProvider) port).getRequestContext().put(SoapPacket.READ_FAULTS_OF_4XX, true);
            Class<?> packetType = loader.loadClass("gen.onedoor.Packet");
            Object packet = packetType.getConstructor().newInstance();
            packetType.getMethod("setManifest", byte[].class).invoke(packet, (Object) "not json".getBytes());
            packetType.getMethod("setSignature", byte[].class).invoke(packet, (Object) new byte[] {0});
            Method decide = port.getClass().getMethod("decide", packetType);
            try {
                decide.invoke(port, packet);
                throw new AssertionError("a packet that is not JSON was taken");
            } catch (InvocationTargetException e) {
                Throwable fault = e.getCause();
                assertThat(fault.getClass().getName()).as(causes(fault)).isEqualTo("gen.onedoor.PacketFault");
                Object problem = fault.getClass().getMethod("getFaultInfo").invoke(fault);
                assertThat(problem.getClass().getMethod("getCode").invoke(problem)).isEqualTo("packet.malformed");
            }
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void theMdaSystemWsdlGivesAServiceInterfaceThatCompiles(@TempDir Path dir) throws Exception {
        Path classes = generateAndCompile(url("/api/mda/mda-system.wsdl"), "gen.mda", dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> system = loader.loadClass("gen.mda.MdaSystem");
            assertThat(system.getMethod("deliver", loader.loadClass("gen.mda.Packet")).getReturnType().getSimpleName())
                    .isEqualTo("Packet");
        }
    }

    private static String causes(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c).append(" / ");
        }
        return text.toString();
    }

    /** wsdl2java as a ministry's developer runs it, then javac on what it wrote. */
    private static Path generateAndCompile(String wsdl, String pkg, Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        new WSDLToJava(new String[] {"-d", sources.toString(), "-p", pkg, "-client", "-verbose", wsdl})
                .run(new ToolContext());
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).isNotEmpty();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"));
        arguments.addAll(files);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        assertThat(exit).as("javac on what wsdl2java generated from " + wsdl).isZero();
        return classes;
    }
}
