package org.onedoor.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.DoubleNode;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.serialize(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersAndDropsWhiteSpace() throws Exception {
        assertThat(canonical("{ \"b\": [1, 2, {\"z\": true, \"a\": null}], \"a\": \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,2,{\"a\":null,\"z\":true}]}");
    }

    @Test
    void sortsByUtf16CodeUnitsAsRfc8785Section324Shows() throws Exception {
        // The RFC's own sorting example: keys in the order of their UTF-16 code units.
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String out = canonical(input);
        assertThat(out.indexOf("Carriage")).isLessThan(out.indexOf("One"));
        assertThat(out.indexOf("One")).isLessThan(out.indexOf("Control"));
        assertThat(out.indexOf("Control")).isLessThan(out.indexOf("Latin"));
        assertThat(out.indexOf("Latin")).isLessThan(out.indexOf("Euro"));
        assertThat(out.indexOf("Euro")).isLessThan(out.indexOf("Emoji"));
        assertThat(out.indexOf("Emoji")).isLessThan(out.indexOf("Hebrew"));
        assertThat(out).startsWith("{\"\\r\":");
    }

    @Test
    void escapesOnlyWhatJsonStringifyEscapes() throws Exception {
        assertThat(canonical("[\"\\u0041\\u00e9\\n\\u001f\\\"\\/\"]")).isEqualTo("[\"Aé\\n\\u001f\\\"/\"]");
        assertThat(canonical("[\"নামজারি\"]")).isEqualTo("[\"নামজারি\"]");
    }

    @Test
    void printsNumbersAsEcmaScriptDoes() {
        assertThat(CanonicalJson.number(new DoubleNode(2000))).isEqualTo("2000");
        assertThat(CanonicalJson.number(new DoubleNode(8.25))).isEqualTo("8.25");
        assertThat(CanonicalJson.number(new DoubleNode(-0.0))).isEqualTo("0");
        assertThat(CanonicalJson.number(new DoubleNode(1e21))).isEqualTo("1e+21");
        assertThat(CanonicalJson.number(new DoubleNode(1e-7))).isEqualTo("1e-7");
        assertThat(CanonicalJson.number(new DoubleNode(0.000001))).isEqualTo("0.000001");
        assertThat(CanonicalJson.number(new DoubleNode(123456789012345680000.0))).isEqualTo("123456789012345680000");
        assertThat(CanonicalJson.number(new DoubleNode(4.50))).isEqualTo("4.5");
        assertThat(CanonicalJson.number(new DoubleNode(-1.5e-9))).isEqualTo("-1.5e-9");
    }
}
