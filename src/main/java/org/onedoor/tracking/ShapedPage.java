package org.onedoor.tracking;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.springframework.core.io.ClassPathResource;

/**
 * One PDF page whose text the JDK shapes (its HarfBuzz: Bangla conjuncts, vowel signs written before their
 * consonant, reph) and PDFBox writes as the very glyphs chosen. Each run of text is marked with its words
 * ({@code /ActualText}), so that copying, searching and screen readers get the text and not the glyphs. Bangla is
 * set in Noto Sans Bengali, everything else in Noto Sans; the fonts are embedded, reduced to the glyphs used.
 */
final class ShapedPage {

    enum Weight { REGULAR, BOLD }

    /** A font file: its bytes for PDFBox to embed, and the JDK's font, at 1000 units to the em, to shape with. */
    private record Face(String file, byte[] ttf, Font shaper) {
    }

    /** The four faces, read once: Noto Sans and Noto Sans Bengali, regular and bold ({@code tracking/fonts}). */
    static final class Fonts {

        private final Map<Weight, Face> latin = new EnumMap<>(Weight.class);
        private final Map<Weight, Face> bengali = new EnumMap<>(Weight.class);

        Fonts() {
            latin.put(Weight.REGULAR, face("NotoSans-Regular.ttf"));
            latin.put(Weight.BOLD, face("NotoSans-Bold.ttf"));
            bengali.put(Weight.REGULAR, face("NotoSansBengali-Regular.ttf"));
            bengali.put(Weight.BOLD, face("NotoSansBengali-Bold.ttf"));
        }

        private static Face face(String file) {
            try (InputStream in = new ClassPathResource("tracking/fonts/" + file).getInputStream()) {
                byte[] ttf = in.readAllBytes();
                Font shaper = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf)).deriveFont(1000f);
                return new Face(file, ttf, shaper);
            } catch (IOException e) {
                throw new UncheckedIOException("tracking/fonts/" + file + " is part of OneDoor", e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("tracking/fonts/" + file + " is not a TrueType font", e);
            }
        }
    }

    /** Fractional metrics: positions as the font designs them, not rounded to a screen's pixels. */
    private static final FontRenderContext EXACT = new FontRenderContext(null, false, true);

    private record Run(Face face, String text) {
    }

    private final PDDocument document;
    private final PDPage page;
    private final Fonts fonts;
    private final Map<Face, PDType0Font> embedded = new HashMap<>();
    private final Map<Face, Set<Integer>> glyphs = new HashMap<>();
    private final List<Object> content = new ArrayList<>();

    ShapedPage(PDDocument document, PDRectangle size, Fonts fonts) {
        this.document = document;
        this.fonts = fonts;
        this.page = new PDPage(size);
        page.setResources(new PDResources());
        document.addPage(page);
    }

    PDRectangle size() {
        return page.getMediaBox();
    }

    /** How wide the text is set. */
    float width(String text, Weight weight, float size) {
        float width = 0;
        for (Run run : runs(text, weight)) {
            width += advance(shape(run)) * size / 1000;
        }
        return width;
    }

    /** The text cut at spaces into lines no wider than {@code width}; a word longer than a line keeps its own. */
    List<String> wrap(String text, Weight weight, float size, float width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(longer, weight, size) > width) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    /** Sets the text with its left end of the baseline at (x, y); returns its width. */
    float text(float x, float y, String text, Weight weight, float size) {
        float start = x;
        for (Run run : runs(text, weight)) {
            GlyphVector shaped = shape(run);
            COSDictionary words = new COSDictionary();
            words.setItem(COSName.ACTUAL_TEXT, new COSString(run.text()));
            add(COSName.getPDFName("Span"), words, OperatorName.BEGIN_MARKED_CONTENT_SEQ);
            add(OperatorName.BEGIN_TEXT);
            PDType0Font font = font(run.face());
            add(page.getResources().add(font), number(size), OperatorName.SET_FONT_AND_SIZE);
            Set<Integer> used = glyphs.computeIfAbsent(run.face(), f -> new HashSet<>());
            for (int i = 0; i < shaped.getNumGlyphs(); i++) {
                // Each glyph where the shaper put it: marks and vowel signs sit off the advance of the one before.
                Point2D at = shaped.getGlyphPosition(i);
                add(number(1), number(0), number(0), number(1), number(x + (float) at.getX() * size / 1000),
                        number(y - (float) at.getY() * size / 1000), OperatorName.SET_MATRIX);
                int glyph = shaped.getGlyphCode(i);
                used.add(glyph);
                add(new COSString(font.encodeGlyphId(glyph)), OperatorName.SHOW_TEXT);
            }
            add(OperatorName.END_TEXT);
            add(OperatorName.END_MARKED_CONTENT);
            x += advance(shaped) * size / 1000;
        }
        return x - start;
    }

    /** A filled rectangle in grey ({@code 0} black, {@code 1} white); the text's ink stays as it was. */
    void box(float x, float y, float width, float height, float grey) {
        add(OperatorName.SAVE);
        add(number(grey), OperatorName.NON_STROKING_GRAY);
        add(number(x), number(y), number(width), number(height), OperatorName.APPEND_RECT);
        add(OperatorName.FILL_NON_ZERO);
        add(OperatorName.RESTORE);
    }

    /** The colour of the text set from here on. */
    void ink(float grey) {
        add(number(grey), OperatorName.NON_STROKING_GRAY);
    }

    /** A link to open when the area is clicked. */
    void link(float x, float y, float width, float height, String uri) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(x, y, width, height));
        PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
        noBorder.setWidth(0);
        link.setBorderStyle(noBorder);
        PDActionURI action = new PDActionURI();
        action.setURI(uri);
        link.setAction(action);
        try {
            page.getAnnotations().add(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the page's content and embeds each font with only the glyphs the page uses. */
    void finish() throws IOException {
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(out).writeTokens(content);
        }
        page.setContents(stream);
        for (Map.Entry<Face, PDType0Font> font : embedded.entrySet()) {
            font.getValue().addGlyphsToSubset(glyphs.get(font.getKey()));
            font.getValue().subset();
        }
    }

    /**
     * The text in runs of one font each: Bangla letters in the Bengali face, other letters in the Latin one; spaces,
     * digits and punctuation stay with the letters before them (or after, at the start) if that face has them.
     */
    private List<Run> runs(String text, Weight weight) {
        int[] points = text.codePoints().toArray();
        boolean[] bengali = new boolean[points.length];
        Boolean previous = null;
        for (int i = 0; i < points.length; i++) {
            Boolean strong = strong(points[i]);
            Boolean wanted = strong != null ? strong : previous;
            for (int j = i + 1; wanted == null && j < points.length; j++) {
                wanted = strong(points[j]);
            }
            boolean b = Boolean.TRUE.equals(wanted);
            if (!(b ? fonts.bengali : fonts.latin).get(weight).shaper().canDisplay(points[i])) {
                b = !b;
            }
            bengali[i] = b;
            if (strong != null) {
                previous = strong;
            }
        }
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= points.length; i++) {
            if (i == points.length || bengali[i] != bengali[start]) {
                runs.add(new Run((bengali[start] ? fonts.bengali : fonts.latin).get(weight),
                        new String(points, start, i - start)));
                start = i;
            }
        }
        return runs;
    }

    /** True for Bangla, false for other letters, null for what belongs to no script (spaces, digits, punctuation). */
    private static Boolean strong(int point) {
        Character.UnicodeScript script = Character.UnicodeScript.of(point);
        if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
            return null;
        }
        return script == Character.UnicodeScript.BENGALI;
    }

    private static GlyphVector shape(Run run) {
        char[] chars = run.text().toCharArray();
        return run.face().shaper().layoutGlyphVector(EXACT, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
    }

    private static float advance(GlyphVector shaped) {
        return (float) shaped.getGlyphPosition(shaped.getNumGlyphs()).getX();
    }

    private PDType0Font font(Face face) {
        return embedded.computeIfAbsent(face, f -> {
            try {
                return PDType0Font.load(document, new ByteArrayInputStream(f.ttf()), true);
            } catch (IOException e) {
                throw new UncheckedIOException("tracking/fonts/" + f.file() + " is part of OneDoor", e);
            }
        });
    }

    private void add(Object... tokens) {
        for (Object token : tokens) {
            content.add(token instanceof String operator ? Operator.getOperator(operator) : token);
        }
    }

    private static COSFloat number(float value) {
        return new COSFloat(value);
    }
}
