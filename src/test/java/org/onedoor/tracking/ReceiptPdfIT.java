package org.onedoor.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onedoor.DemoIntegrationTest;
import org.onedoor.OneDoorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/track/{number}/receipt.pdf}: the citizen's receipt as OneDoor prints it, public with the number
 * and code like tracking, in English and Bangla, with the signed receipt of the filing attached.
 */
@DemoIntegrationTest
class ReceiptPdfIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<byte[]> pdf(String number, String code, String lang) {
        return http.getForEntity("/api/track/{n}/receipt.pdf?code={c}&lang={l}", byte[].class, number, code, lang);
    }

    @Test
    void theReceiptPrintsInBothLanguagesWithTheSignedReceiptInside() throws IOException {
        OneDoorClient client = new OneDoorClient(http);
        ResponseEntity<JsonNode> filed = client.file("frontdesk", OneDoorClient.example("trade-licence"));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        String number = filed.getBody().path("trackingNumber").asText();
        String code = filed.getBody().path("trackingCode").asText();
        // The offices are known once the routing has run, just after filing.
        OneDoorClient.await("the offices of " + number, () -> client.track(number, code).getBody().path("legs")
                .isEmpty() ? null : true);

        ResponseEntity<byte[]> english = pdf(number, code, "en");
        assertThat(english.getStatusCode().value()).isEqualTo(200);
        assertThat(english.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(english.getHeaders().getCacheControl()).contains("no-store");
        assertThat(english.getHeaders().getContentDisposition().getFilename()).isEqualTo("receipt-" + number + ".pdf");
        assertThat(new String(english.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(english.getBody())) {
            assertThat(text(document)).contains(number, code, "Receipt — Trade licence", "2,000 BDT — Not paid yet",
                    "Dhaka North City Corporation", "/track.html");
            Map<String, PDComplexFileSpecification> attached = document.getDocumentCatalog().getNames()
                    .getEmbeddedFiles().getNames();
            assertThat(attached).containsOnlyKeys("receipt-" + number + ".json");
            byte[] signed = attached.get("receipt-" + number + ".json").getEmbeddedFile().toByteArray();
            assertThat(JSON.readTree(signed)).as("the signed receipt the counter handed over")
                    .isEqualTo(filed.getBody().path("receipt"));
        }

        ResponseEntity<byte[]> bangla = pdf(number, code, "bn");
        assertThat(bangla.getStatusCode().value()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(bangla.getBody())) {
            assertThat(text(document)).contains(number, code, "রসিদ — ট্রেড লাইসেন্স", "২,০০০ BDT — এখনও পরিশোধ হয়নি",
                    "ঢাকা উত্তর সিটি কর্পোরেশন");
            assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames())
                    .containsOnlyKeys("receipt-" + number + ".json");
        }
    }

    @Test
    void aFeePaidAfterFilingIsPrintedAndItsSignedReceiptAttachedToo() throws IOException {
        OneDoorClient client = new OneDoorClient(http);
        // The land mutation is worked only once paid; the example is filed unpaid.
        ResponseEntity<JsonNode> filed = client.file("frontdesk", OneDoorClient.example("land-mutation"));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        String number = filed.getBody().path("trackingNumber").asText();
        String code = filed.getBody().path("trackingCode").asText();
        try (PDDocument document = Loader.loadPDF(pdf(number, code, "en").getBody())) {
            assertThat(text(document)).contains("1,150 BDT — Not paid yet", "Pay it at the One-Door Service Centre",
                    "(if the fee is paid today)");
        }

        String reference = "CTR-" + System.nanoTime();
        ResponseEntity<JsonNode> paid = client.pay(number, "cash", reference, 1150);
        assertThat(paid.getStatusCode().value()).as(String.valueOf(paid.getBody())).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf(number, code, "en").getBody())) {
            assertThat(text(document)).contains("1,150 BDT — Paid: cash, " + reference)
                    .doesNotContain("Not paid yet", "if the fee is paid today");
            Map<String, PDComplexFileSpecification> attached = document.getDocumentCatalog().getNames()
                    .getEmbeddedFiles().getNames();
            assertThat(attached).containsOnlyKeys("receipt-" + number + ".json", "payment-" + number + ".json");
            assertThat(JSON.readTree(attached.get("receipt-" + number + ".json").getEmbeddedFile().toByteArray()))
                    .isEqualTo(filed.getBody().path("receipt"));
            assertThat(JSON.readTree(attached.get("payment-" + number + ".json").getEmbeddedFile().toByteArray()))
                    .isEqualTo(paid.getBody().path("receipt"));
        }
    }

    @Test
    void aWrongCodeAndAnUnknownNumberGetTheSameNotFound() {
        ResponseEntity<JsonNode> filed = new OneDoorClient(http).file("frontdesk",
                OneDoorClient.example("social-safety-net-allowance"));
        String number = filed.getBody().path("trackingNumber").asText();
        for (String[] asked : List.of(new String[] {number, "WRONG-CODE1"}, new String[] {"ODSC-2026-999999-9", "WRONG-CODE1"},
                new String[] {number, ""})) {
            ResponseEntity<JsonNode> problem = http.getForEntity("/api/track/{n}/receipt.pdf?code={c}", JsonNode.class,
                    asked[0], asked[1]);
            assertThat(problem.getStatusCode().value()).isEqualTo(404);
            assertThat(problem.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(problem.getBody().path("code").asText()).isEqualTo("tracking.not-found");
            assertThat(problem.getBody().path("detail").asText())
                    .isEqualTo("No request matches this tracking number and code.");
        }
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
}
