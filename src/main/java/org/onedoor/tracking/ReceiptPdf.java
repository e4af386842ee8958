package org.onedoor.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nayuki.qrcodegen.QrCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.onedoor.casework.WorkingDayCalendar;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.intake.IntakeRequest;
import org.onedoor.intake.IntakeService.IssuedReceipt;
import org.onedoor.intake.IntakeService.ReceiptContent;
import org.onedoor.tracking.CitizenMessages.ReceiptLabel;
import org.onedoor.tracking.ShapedPage.Weight;
import org.springframework.stereotype.Component;

/**
 * The receipt as a PDF for the citizen to print or keep: the receipt's facts in English or Bangla, the tracking
 * link and its QR code, and the signed receipt itself as an attached file, so that the PDF alone can be verified.
 */
@Component
class ReceiptPdf {

    /**
     * What the PDF shows: the signed receipts (the filing's, then a later payment's), and beside them the code (only
     * its hash is stored), the offices and the link.
     */
    /** {@code expectedNow}: the completion date as tracking gives it today (for a request still waiting for its fee). */
    record Receipt(String trackingNumber, String trackingCode, List<IssuedReceipt> receipts, List<LocalizedName> offices,
            String trackingLink, LocalDate expectedNow) {

        IssuedReceipt filing() {
            return receipts.get(0);
        }

        /** The receipt of the fee paid after filing, if it was. */
        Optional<IssuedReceipt> payment() {
            return receipts.stream().skip(1).reduce((first, later) -> later);
        }
    }

    private static final float MARGIN = 56;
    private static final float QR_SIZE = 128;
    private static final float LABEL_WIDTH = 150;
    private static final float GAP = 12;
    private static final float MUTED = 0.35f;

    private final ShapedPage.Fonts fonts = new ShapedPage.Fonts();
    private final CitizenMessages messages;
    private final WorkingDayCalendar calendar;
    private final ObjectMapper json;
    private final Clock clock;

    ReceiptPdf(CitizenMessages messages, WorkingDayCalendar calendar, ObjectMapper json, Clock clock) {
        this.messages = messages;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
    }

    /** The names under which the signed receipts are attached, as the front desk's page downloads them. */
    private static List<String> signedFileNames(Receipt receipt) {
        return IntStream.range(0, receipt.receipts().size())
                .mapToObj(i -> (i == 0 ? "receipt-" : "payment-") + receipt.trackingNumber() + ".json").toList();
    }

    byte[] render(Receipt receipt, Language language) {
        try (PDDocument document = new PDDocument()) {
            ShapedPage page = new ShapedPage(document, PDRectangle.A4, fonts);
            draw(page, receipt, language);
            page.finish();
            attach(document, receipt);
            document.getDocumentCatalog().setLanguage(locale(language).toLanguageTag());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(label(ReceiptLabel.TITLE, language) + " " + receipt.trackingNumber());
            info.setCreator("OneDoor");
            info.setCreationDate(GregorianCalendar.from(clock.instant().atZone(calendar.zone())));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt PDF is written in memory", e);
        }
    }

    private void draw(ShapedPage page, Receipt receipt, Language language) {
        ReceiptContent content = receipt.filing().content();
        Optional<ReceiptContent> paidLater = receipt.payment().map(IssuedReceipt::content);
        float top = page.size().getHeight() - MARGIN;
        float right = page.size().getWidth() - MARGIN;
        float width = right - MARGIN;

        // The QR code at the top right, the centre and the title beside it.
        float qrLeft = right - QR_SIZE;
        qr(page, receipt.trackingLink(), qrLeft, top - QR_SIZE);
        page.link(qrLeft, top - QR_SIZE, QR_SIZE, QR_SIZE, receipt.trackingLink());
        float y = top - QR_SIZE - 4;
        page.ink(MUTED);
        for (String line : page.wrap(label(ReceiptLabel.SCAN, language), Weight.REGULAR, 8, QR_SIZE)) {
            y -= 11;
            page.text(qrLeft + (QR_SIZE - page.width(line, Weight.REGULAR, 8)) / 2, y, line, Weight.REGULAR, 8);
        }
        float qrBottom = y;
        y = top - 10;
        page.text(MARGIN, y, "OneDoor · " + label(ReceiptLabel.CENTRE, language), Weight.REGULAR, 10);
        page.ink(0);
        y -= 12;
        String title = label(ReceiptLabel.TITLE, language) + " — " + language.pick(content.serviceName());
        for (String line : page.wrap(title, Weight.BOLD, 20, qrLeft - MARGIN - GAP)) {
            y -= 30;
            page.text(MARGIN, y, line, Weight.BOLD, 20);
        }

        // The facts, one row each: the label on the left, the value beside it.
        Rows rows = new Rows(page, Math.min(y, qrBottom) - 24, width);
        rows.row(ReceiptLabel.TRACKING_NUMBER, language, receipt.trackingNumber(), Weight.BOLD, 16);
        rows.row(ReceiptLabel.TRACKING_CODE, language, receipt.trackingCode(), Weight.BOLD, 16);
        rows.note(label(ReceiptLabel.CODE_HINT, language));
        rows.row(ReceiptLabel.SERVICE, language, language.pick(content.serviceName()), Weight.REGULAR, 11);
        rows.row(ReceiptLabel.FEE, language, fee(content, paidLater, language), Weight.REGULAR, 11);
        boolean unpaid = content.awaitingPayment() && paidLater.isEmpty();
        if (unpaid) {
            rows.note(label(ReceiptLabel.PAY_AT_CENTRE, language));
        }
        if (content.priority() != null) {
            rows.row(ReceiptLabel.PRIORITY, language, language.pick(content.priority().label()), Weight.REGULAR, 11);
        }
        rows.row(ReceiptLabel.CHANNEL, language, messages.word("channel", content.channel(), language),
                Weight.REGULAR, 11);
        rows.row(ReceiptLabel.RECEIVED_AT, language, in(language, DateTimeFormatter.ofLocalizedDateTime(
                FormatStyle.MEDIUM, FormatStyle.SHORT)).format(content.receivedAt().atZone(calendar.zone())),
                Weight.REGULAR, 11);
        content.clerk().ifPresent(clerk -> rows.row(ReceiptLabel.RECEIVED_BY, language, clerk, Weight.REGULAR, 11));
        // A payment after filing promises its own date: the work starts that day.
        // Unpaid, the date a payment today would promise, not the filing day's.
        String expected = in(language, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)).format(unpaid
                ? receipt.expectedNow()
                : paidLater.map(ReceiptContent::expectedCompletion).orElse(content.expectedCompletion()));
        rows.row(ReceiptLabel.EXPECTED, language, unpaid ? expected + " (" + label(ReceiptLabel.IF_PAID_TODAY, language)
                + ")" : expected, Weight.BOLD, 11);
        rows.row(ReceiptLabel.OFFICES, language, receipt.offices().isEmpty()
                ? label(ReceiptLabel.OFFICES_LATER, language)
                : String.join(", ", receipt.offices().stream().map(language::pick).toList()), Weight.REGULAR, 11);
        String trackingPage = receipt.trackingLink().replaceFirst("\\?.*", "");
        float linkBaseline = rows.row(ReceiptLabel.TRACK_AT, language, trackingPage, Weight.REGULAR, 11);
        page.link(MARGIN + LABEL_WIDTH + GAP, linkBaseline - 4, page.width(trackingPage, Weight.REGULAR, 11), 16,
                receipt.trackingLink());

        // The signed receipt inside the PDF, said in one line at the foot of the facts.
        y = rows.y - 8;
        page.box(MARGIN, y, width, 0.6f, 0.75f);
        page.ink(MUTED);
        String attached = label(ReceiptLabel.SIGNED_ATTACHED, language)
                .replace("{files}", String.join(", ", signedFileNames(receipt)));
        for (String line : page.wrap(attached, Weight.REGULAR, 9, width)) {
            y -= 15;
            page.text(MARGIN, y, line, Weight.REGULAR, 9);
        }
    }

    /** The facts' rows, from {@code y} down. */
    private final class Rows {

        private final ShapedPage page;
        private final float valueWidth;
        private float y;

        Rows(ShapedPage page, float y, float width) {
            this.page = page;
            this.y = y;
            this.valueWidth = width - LABEL_WIDTH - GAP;
        }

        /** A row; returns the baseline of its first line. */
        float row(ReceiptLabel label, Language language, String value, Weight weight, float size) {
            float first = y - size * 1.2f;
            page.ink(MUTED);
            page.text(MARGIN, first, label(label, language), Weight.REGULAR, 10);
            page.ink(0);
            float baseline = first;
            for (String line : page.wrap(value, weight, size, valueWidth)) {
                page.text(MARGIN + LABEL_WIDTH + GAP, baseline, line, weight, size);
                baseline -= size * 1.6f;
            }
            y = baseline + size * 1.6f - size * 0.6f - 10;
            return first;
        }

        /** A hint under the value before. */
        void note(String text) {
            page.ink(MUTED);
            for (String line : page.wrap(text, Weight.REGULAR, 9, valueWidth)) {
                y -= 12;
                page.text(MARGIN + LABEL_WIDTH + GAP, y, line, Weight.REGULAR, 9);
            }
            page.ink(0);
            y -= 10;
        }
    }

    /**
     * The fee, and how it was paid (at filing, or later on the date of the payment's receipt) or that it is not paid
     * yet; a free service has nothing to pay.
     */
    private String fee(ReceiptContent filing, Optional<ReceiptContent> paidLater, Language language) {
        BigDecimal amount = filing.fee().amount();
        if (amount.signum() == 0) {
            return label(ReceiptLabel.FREE, language);
        }
        String fee = NumberFormat.getInstance(locale(language)).format(amount) + " " + filing.fee().currency();
        IntakeRequest.Payment payment = paidLater.map(ReceiptContent::payment).orElse(filing.payment());
        if (payment == null) {
            return fee + " — " + label(ReceiptLabel.NOT_PAID, language);
        }
        String paid = fee + " — " + label(ReceiptLabel.PAID, language) + ": "
                + messages.word("method", payment.method(), language) + ", " + payment.reference();
        return paidLater.map(later -> paid + " (" + in(language, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG))
                .format(later.receivedAt().atZone(calendar.zone())) + ")").orElse(paid);
    }

    /** The QR code of the tracking link, dark modules row by row, with the standard quiet zone of four. */
    private static void qr(ShapedPage page, String link, float x, float y) {
        QrCode code = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        float module = QR_SIZE / (code.size + 8);
        for (int row = 0; row < code.size; row++) {
            for (int col = 0; col < code.size; col++) {
                int start = col;
                while (col < code.size && code.getModule(col, row)) {
                    col++;
                }
                if (col > start) {
                    page.box(x + (4 + start) * module, y + QR_SIZE - (5 + row) * module, (col - start) * module,
                            module, 0);
                }
            }
        }
    }

    /** The signed receipts, as the front desk's page offers them for download, as the PDF's attached files. */
    private void attach(PDDocument document, Receipt receipt) throws IOException {
        Map<String, PDComplexFileSpecification> attached = new TreeMap<>();
        List<String> fileNames = signedFileNames(receipt);
        for (int i = 0; i < fileNames.size(); i++) {
            PDEmbeddedFile file = new PDEmbeddedFile(document,
                    new ByteArrayInputStream(signedJson(receipt.receipts().get(i))));
            file.setSubtype("application/json");
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(fileNames.get(i));
            spec.setFileUnicode(fileNames.get(i));
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.setFileDescription("A signed receipt (manifest and CMS signature, base64)");
            attached.put(fileNames.get(i), spec);
        }
        PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
        files.setNames(attached);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(files);
        document.getDocumentCatalog().setNames(names);
    }

    private byte[] signedJson(IssuedReceipt issued) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new TreeMap<>(issued.signed()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("two base64 strings are JSON", e);
        }
    }

    private String label(ReceiptLabel label, Language language) {
        return messages.receipt(label, language);
    }

    /** Dates as people read them in the language, Bangla in Bangla digits (as the pages show them). */
    private static DateTimeFormatter in(Language language, DateTimeFormatter style) {
        return style.withLocale(locale(language)).withDecimalStyle(DecimalStyle.of(locale(language)));
    }

    private static Locale locale(Language language) {
        return language == Language.bn ? Locale.forLanguageTag("bn-BD") : Locale.UK;
    }
}
