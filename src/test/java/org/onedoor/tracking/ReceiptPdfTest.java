package org.onedoor.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.catalogue.ServiceDefinition;
import org.onedoor.intake.IntakeRequest;
import org.onedoor.intake.IntakeService.IssuedReceipt;
import org.onedoor.intake.IntakeService.ReceiptContent;
import org.onedoor.mda.ConnectorRegistry;

/**
 * The receipt PDF without the application: Bangla set by the JDK's shaper reads back as the very words (conjuncts,
 * vowel signs before their consonant, reph), the fonts travel inside, long values wrap without losing a word, and
 * the signed receipt is the attached file. The PDFs land in {@code target/receipt-pdf} to be looked at.
 */
class ReceiptPdfTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ReceiptPdf PDF = new ReceiptPdf(new CitizenMessages(
            new ConnectorRegistry(ConnectorRegistry.DEFAULT_LOCATION)),
            new WorkingDayCalendar(ZoneId.of("Asia/Dhaka"), Set.of(), List.of()), JSON,
            Clock.fixed(Instant.parse("2026-12-07T08:30:00Z"), ZoneId.of("UTC")));
    /** Words Bangla shaping gets wrong when it only maps characters to glyphs. */
    private static final String HARD_BANGLA = "ট্রেড লাইসেন্স (প্রত্যয়ন, কৌশল, পর্যালোচনা, ক্ষমতা)";
    private static final Map<String, String> SIGNED = Map.of("manifest", "eyJ0eXBlIjoicmVjZWlwdCJ9", "signature", "MIIB");

    private static final Map<String, String> PAYMENT_SIGNED = Map.of("manifest", "eyJwYXltZW50Ijp7fX0=",
            "signature", "MIIC");
    private static final LocalizedName SERVICE = new LocalizedName("Trade licence (new)", HARD_BANGLA);

    private static IssuedReceipt filing(BigDecimal fee, IntakeRequest.Payment payment, boolean awaitingPayment,
            String channel) {
        return new IssuedReceipt(new ReceiptContent(SERVICE, new ServiceDefinition.Fee(fee, "BDT", awaitingPayment),
                payment, awaitingPayment, Instant.parse("2026-12-07T08:20:00Z"),
                "portal".equals(channel) ? "portal:8801712345678" : "frontdesk", channel, LocalDate.of(2026, 12, 20),
                new ReceiptContent.Priority("urgent", new LocalizedName("Urgent", "জরুরি"))), SIGNED);
    }

    private static ReceiptPdf.Receipt receipt(List<IssuedReceipt> receipts, List<LocalizedName> offices) {
        return new ReceiptPdf.Receipt("ODSC-2026-000123-7", "ABCDE-12345", receipts, offices,
                "http://localhost:8080/track.html?n=ODSC-2026-000123-7&c=ABCDE-12345&lang=bn", LocalDate.of(2027, 1, 5));
    }

    private static ReceiptPdf.Receipt receipt(BigDecimal fee, IntakeRequest.Payment payment, List<LocalizedName> offices) {
        return receipt(List.of(filing(fee, payment, false, "call-centre")), offices);
    }

    private static PDDocument open(byte[] pdf, String name) throws IOException {
        Path out = Path.of("target/receipt-pdf");
        Files.createDirectories(out);
        Files.write(out.resolve(name), pdf);
        return Loader.loadPDF(pdf);
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }

    @Test
    void banglaReadsBackAsTheWordsThatWereSet() throws IOException {
        List<LocalizedName> offices = List.of(new LocalizedName("Dhaka North City Corporation", "ঢাকা উত্তর সিটি কর্পোরেশন"),
                new LocalizedName("Fire Service and Civil Defence", "ফায়ার সার্ভিস ও সিভিল ডিফেন্স"));
        byte[] pdf = PDF.render(receipt(new BigDecimal("2000"), new IntakeRequest.Payment("cash", "CTR-1",
                new BigDecimal("2000")), offices), Language.bn);
        try (PDDocument document = open(pdf, "receipt-bn.pdf")) {
            String text = text(document);
            assertThat(text).contains("রসিদ — " + HARD_BANGLA, "ট্র্যাকিং নম্বর ODSC-2026-000123-7",
                    "ট্র্যাকিং কোড ABCDE-12345", "২,০০০ BDT — পরিশোধিত: নগদ, CTR-1", "জরুরি",
                    "কল সেন্টারে", "২০ ডিসেম্বর, ২০২৬", "ঢাকা উত্তর সিটি কর্পোরেশন, ফায়ার সার্ভিস ও সিভিল ডিফেন্স",
                    "receipt-ODSC-2026-000123-7.json");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("bn-BD");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).as("only the glyphs used").matches("[A-Z]{6}\\+.*");
                }
            }
        }
    }

    @Test
    void englishSaysWhatIsNotPaidAndWhereTheOfficesWillShow() throws IOException {
        byte[] pdf = PDF.render(receipt(new BigDecimal("2000"), null, List.of()), Language.en);
        try (PDDocument document = open(pdf, "receipt-en.pdf")) {
            assertThat(text(document)).contains("Receipt — Trade licence (new)", "Tracking number ODSC-2026-000123-7",
                    "2,000 BDT — Not paid yet", "Urgent", "The call centre", "7 Dec 2026, 14:20", "20 December 2026",
                    "Shown on the tracking page once the request is routed.", "http://localhost:8080/track.html",
                    "The signed receipt is attached to this PDF (receipt-ODSC-2026-000123-7.json)");
        }
        assertThat(text(open(PDF.render(receipt(BigDecimal.ZERO, null, List.of()), Language.en), "free.pdf")))
                .contains("Fee No fee");
    }

    @Test
    void aFeeDueIsToBePaidAtTheCentreAndAPortalFilingHasNoClerk() throws IOException {
        byte[] pdf = PDF.render(receipt(List.of(filing(new BigDecimal("1150"), null, true, "portal")), List.of()),
                Language.en);
        try (PDDocument document = open(pdf, "unpaid.pdf")) {
            assertThat(text(document)).contains("1,150 BDT — Not paid yet",
                    "Pay it at the One-Door Service Centre: the work starts once it is paid.",
                    "Filed from home (the portal)", "5 January 2027 (if the fee is paid today)")
                    .doesNotContain("Received by", "portal:");
        }
    }

    @Test
    void aFeePaidAfterFilingShowsWithItsDateAndItsPromiseAndBothReceiptsAreAttached() throws IOException {
        IssuedReceipt payment = new IssuedReceipt(new ReceiptContent(SERVICE, null,
                new IntakeRequest.Payment("e-challan", "EC-77", new BigDecimal("1150")), false,
                Instant.parse("2026-12-08T05:00:00Z"), "frontdesk", null, LocalDate.of(2027, 1, 17), null),
                PAYMENT_SIGNED);
        byte[] pdf = PDF.render(receipt(List.of(filing(new BigDecimal("1150"), null, true, "counter"), payment),
                List.of()), Language.bn);
        try (PDDocument document = open(pdf, "paid-later-bn.pdf")) {
            assertThat(text(document)).contains("১,১৫০ BDT — পরিশোধিত: ই-চালান, EC-77 (৮ ডিসেম্বর, ২০২৬)",
                    "১৭ জানুয়ারী, ২০২৭", "receipt-ODSC-2026-000123-7.json, payment-ODSC-2026-000123-7.json")
                    .doesNotContain("আজ ফি পরিশোধ করলে", "ওয়ান-ডোর সার্ভিস সেন্টারে ফি পরিশোধ করুন");
            Map<String, PDComplexFileSpecification> files = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames();
            assertThat(JSON.readTree(files.get("payment-ODSC-2026-000123-7.json").getEmbeddedFile().toByteArray()))
                    .isEqualTo(JSON.valueToTree(PAYMENT_SIGNED));
        }
    }

    @Test
    void theSignedReceiptIsTheAttachedFile() throws IOException {
        try (PDDocument document = open(PDF.render(receipt(BigDecimal.TEN, null, List.of()), Language.en), "attached.pdf")) {
            Map<String, PDComplexFileSpecification> files = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames();
            assertThat(files).containsOnlyKeys("receipt-ODSC-2026-000123-7.json");
            var file = files.get("receipt-ODSC-2026-000123-7.json").getEmbeddedFile();
            assertThat(file.getSubtype()).isEqualTo("application/json");
            assertThat(JSON.readTree(file.toByteArray())).isEqualTo(JSON.valueToTree(SIGNED));
        }
    }
}
