package org.onedoor.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.MinistryClient;
import org.onedoor.OneDoorClient;
import org.onedoor.packet.PacketType;
import org.onedoor.packet.SignedPacket;
import org.onedoor.simulator.SimulatedMdas;
import org.onedoor.simulator.SimulatedMdas.Failure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/**
 * The hostile corpus ({@code src/test/resources/documents/hostile}, its outcomes in {@code expected.csv}) through
 * intake and through both inbound MDA transports: each file refused with its code, or taken, within 5 seconds, and
 * nothing stored for a refusal; then the limits of the multipart and SOAP bodies, and OneDoor still up.
 */
@DemoIntegrationTest
class DocumentCorpusIT {

    private static final Path CORPUS = Path.of("src/test/resources/documents/hostile");
    private static final String FIRE = "fire-service";
    private static final String ALLOWANCE = """
            {"serviceCode": "social-safety-net-allowance",
             "applicant": {"name": "Abdul Karim", "nationalId": "1944123456789", "phone": "01812345678",
                           "district": "Rangpur"},
             "fields": {"allowanceType": "old-age", "dateOfBirth": "1954-03-01", "monthlyIncome": 1500}}""";
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SimulatedMdas simulator;
    @LocalServerPort
    int port;

    OneDoorClient client;
    MinistryClient ministry;

    record Sample(String file, String intake, String inbound, byte[] content) {
    }

    @BeforeEach
    void clients() {
        client = new OneDoorClient(http);
        ministry = new MinistryClient(http, port);
    }

    @AfterEach
    void heal() {
        simulator.heal(FIRE);
    }

    static List<Sample> corpus() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.csv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            byte[] content = cells.length > 3 ? generated(cells[0]) : Files.readAllBytes(CORPUS.resolve(cells[0]));
            samples.add(new Sample(cells[0], cells[1], cells[2], content));
        }
        return samples;
    }

    /** The large ones, written here rather than committed. */
    static byte[] generated(String name) {
        try {
            return switch (name) {
                case "zip-bomb.pdf" -> {
                    // 256 MiB of zeros in a few hundred KiB, named as a PDF.
                    ByteArrayOutputStream zip = new ByteArrayOutputStream();
                    try (ZipOutputStream out = new ZipOutputStream(zip)) {
                        out.setLevel(Deflater.BEST_COMPRESSION);
                        out.putNextEntry(new ZipEntry("zeros.bin"));
                        byte[] block = new byte[1 << 20];
                        for (int i = 0; i < 256; i++) {
                            out.write(block);
                        }
                        out.closeEntry();
                    }
                    yield zip.toByteArray();
                }
                case "deflate-bomb-objstm.pdf" -> {
                    // An object stream that inflates to 64 MiB: the scan stops at its limit.
                    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
                    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    byte[] out = new byte[1 << 16];
                    for (int i = 0; i < 64; i++) {
                        deflater.setInput(spaces);
                        while (!deflater.needsInput()) {
                            compressed.write(out, 0, deflater.deflate(out));
                        }
                    }
                    deflater.finish();
                    while (!deflater.finished()) {
                        compressed.write(out, 0, deflater.deflate(out));
                    }
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                    pdf.writeBytes(("%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
                            + compressed.size() + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
                    pdf.writeBytes(compressed.toByteArray());
                    pdf.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
                    yield pdf.toByteArray();
                }
                case "too-large.pdf" -> pdf(3 << 20);
                default -> throw new IllegalArgumentException("no generator for " + name);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header and {@code size} bytes in all. */
    static byte[] pdf(int size) {
        byte[] content = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    private Map<String, Long> stored() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("service_request", "request_document", "document_content", "document_chunk",
                "mda_answer_document")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static Map<String, byte[]> allowanceDocuments(byte[] incomeCertificate) {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("national-id", pdf(64));
        documents.put("photo", png());
        documents.put("income-certificate", incomeCertificate);
        return documents;
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                0, 0, 0, 1, 8, 2, 0, 0, 0};
    }

    @Test
    void everyFileOfTheCorpusIsRefusedWithItsCodeOrTakenAtIntake() throws IOException {
        for (Sample sample : corpus()) {
            Map<String, Long> before = stored();
            long start = System.nanoTime();
            MultiValueMap<String, Object> filing = OneDoorClient.filing(ALLOWANCE, allowanceDocuments(sample.content()));
            filing.set("income-certificate", new HttpEntity<>(new ByteArrayResource(sample.content()) {
                @Override
                public String getFilename() {
                    return sample.file();
                }
            }));
            ResponseEntity<JsonNode> response = client.file("frontdesk", filing);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as(sample.file()).isLessThan(BUDGET);
            if (sample.intake().equals("accepted")) {
                assertThat(response.getStatusCode().value()).as(sample.file() + ": " + response.getBody()).isEqualTo(201);
            } else {
                assertThat(response.getStatusCode().value()).as(sample.file() + ": " + response.getBody()).isEqualTo(422);
                JsonNode error = response.getBody().path("errors").get(0);
                assertThat(error.path("path").asText()).as(sample.file()).isEqualTo("documents.income-certificate");
                assertThat(error.path("code").asText()).as(sample.file() + ": " + error).isEqualTo(sample.intake());
                assertThat(stored()).as(sample.file() + " leaves nothing behind").isEqualTo(before);
            }
        }
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theTypeRefusalNamesTheKindTheDetectedTypeAndTheAllowedOnes() throws IOException {
        ResponseEntity<JsonNode> response = client.file("frontdesk", OneDoorClient.filing(ALLOWANCE,
                allowanceDocuments(Files.readAllBytes(CORPUS.resolve("program.pdf")))));
        assertThat(response.getBody().path("errors").get(0).path("message").asText())
                .contains("income-certificate", "application/x-msdownload", "application/pdf, image/jpeg, image/png");
    }

    @Test
    void everyFileOfTheCorpusIsRefusedWithItsCodeOrTakenFromAnMdaOverRestAndSoap() throws IOException {
        simulator.fail(FIRE, Failure.MUTE, 0);
        JsonNode filed = client.file("frontdesk", OneDoorClient.example("trade-licence")).getBody();
        String trackingNumber = filed.path("trackingNumber").asText();
        String requestPacketId = OneDoorClient.await("the fire service's packet", () -> jdbc.sql(
                "select packet_id from mda_delivery where tracking_number = ? and mda_code = ? and sent_at is not null")
                .params(trackingNumber, FIRE).query(String.class).optional().orElse(null));
        for (Sample sample : corpus()) {
            for (String transport : List.of("rest", "soap")) {
                Map<String, Long> before = stored();
                SignedPacket update = MinistryClient.packet(UUID.randomUUID(), FIRE, FIRE, PacketType.STATUS,
                        trackingNumber, MinistryClient.payload(requestPacketId, "status", "in-review"),
                        Map.of("certificate", sample.content()), "application/pdf");
                long start = System.nanoTime();
                String code;
                int status;
                if (transport.equals("rest")) {
                    ResponseEntity<JsonNode> response = ministry.post("status-updates", update,
                            Map.of("certificate", sample.content()));
                    status = response.getStatusCode().value();
                    code = response.getBody().path("code").asText(null);
                } else {
                    MinistryClient.SoapReply reply = ministry.soapMtom("updateStatus", update,
                            Map.of("certificate", sample.content()));
                    status = reply.status();
                    code = reply.code();
                }
                String what = sample.file() + " over " + transport;
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what).isLessThan(BUDGET);
                if (sample.inbound().equals("accepted")) {
                    assertThat(status).as(what + ": " + code).isEqualTo(200);
                } else {
                    assertThat(status).as(what).isEqualTo(422);
                    assertThat(code).as(what).isEqualTo(sample.inbound());
                    assertThat(stored()).as(what + " leaves nothing behind").isEqualTo(before);
                }
            }
        }
    }

    @Test
    void aFileNameIsALabelOnly() {
        MultiValueMap<String, Object> filing = OneDoorClient.filing(ALLOWANCE, allowanceDocuments(pdf(64)));
        filing.set("income-certificate", new HttpEntity<>(new ByteArrayResource(pdf(64)) {
            @Override
            public String getFilename() {
                return "../../etc/cron.d/income\u0007\u202e.pdf";
            }
        }));
        ResponseEntity<JsonNode> response = client.file("frontdesk", filing);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.sql("select file_name from request_document where tracking_number = ? and kind = ?")
                .params(response.getBody().path("trackingNumber").asText(), "income-certificate")
                .query(String.class).single()).isEqualTo("income.pdf");
    }

    @Test
    void aBodyOverTheLimitsIsCutOffWith413AndLeavesNothing() throws Exception {
        Map<String, Long> before = stored();
        // A document over onedoor.documents.max-document-size (20 MB), streamed: refused while it arrives.
        HttpResponse<String> tooLarge = raw("/api/requests", "multipart/form-data; boundary=B", multipart(
                "request", ALLOWANCE.getBytes(StandardCharsets.UTF_8), "income-certificate", pdf(21 << 20)));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"code\":\"request.too-large\"");

        List<Object> parts = new ArrayList<>(List.of("request", ALLOWANCE.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 30; i++) {
            parts.add("extra-" + i);
            parts.add(pdf(16));
        }
        HttpResponse<String> tooMany = raw("/api/requests", "multipart/form-data; boundary=B",
                multipart(parts.toArray()));
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(413);
        assertThat(tooMany.body()).contains("\"code\":\"request.too-many-parts\"");

        byte[] broken = "--B\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{\"serviceCode\"".getBytes(
                StandardCharsets.US_ASCII);
        HttpResponse<String> malformed = raw("/api/requests", "multipart/form-data; boundary=B", broken);
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"request.malformed\"").doesNotContain("Exception");
        assertThat(stored()).isEqualTo(before);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void soapEnvelopesAreBoundedInDepthTextAndSize() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deep.append("<x>");
        }
        for (int i = 0; i < 200; i++) {
            deep.append("</x>");
        }
        // In a header: CXF reads headers whole, before any binding could stop at the first unexpected element.
        MinistryClient.SoapReply overDeep = ministry.soap("POST", "text/xml; charset=UTF-8", withHeader(deep.toString()));
        assertThat(overDeep.status()).as(overDeep.body()).isEqualTo(413);
        assertThat(overDeep.code()).isEqualTo("request.too-large");

        String longText = Base64.getEncoder().encodeToString(new byte[6 << 20]);
        MinistryClient.SoapReply overLong = ministry.soap("POST", "text/xml; charset=UTF-8",
                withHeader("<note>" + longText + "</note>"));
        assertThat(overLong.status()).as(overLong.body()).isEqualTo(413);
        assertThat(overLong.code()).isEqualTo("request.too-large");

        MinistryClient.SoapReply oversized = ministry.soap("POST", "text/xml; charset=UTF-8",
                MinistryClient.envelope("<m:updateStatus><packet><manifest>" + "A".repeat(61 << 20)
                        + "</manifest></packet></m:updateStatus>"));
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.code()).isEqualTo("request.too-large");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    }

    /** A status update whose SOAP header carries {@code header}. */
    private static String withHeader(String header) {
        return MinistryClient.envelope("<m:updateStatus><packet/></m:updateStatus>")
                .replace("<soap:Body>", "<soap:Header>" + header + "</soap:Header><soap:Body>");
    }

    /** A multipart body from name, content pairs, each part a file. */
    private static byte[] multipart(Object... pairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            String type = name.equals("request") ? "application/json" : "application/octet-stream";
            body.writeBytes(("--B\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes((byte[]) pairs[i + 1]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("--B--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private HttpResponse<String> raw(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("frontdesk:" + OneDoorClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
