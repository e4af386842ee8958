package org.onedoor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

    @Test
    void formatsYearSerialAndCheckDigit() {
        assertThat(TrackingNumbers.format(2026, 123)).matches("ODSC-2026-000123-\\d");
        assertThat(TrackingNumbers.format(2026, 1_234_567)).startsWith("ODSC-2026-1234567-");
        // Damm's own worked example: 572 has check digit 4.
        assertThat(TrackingNumbers.checkDigit("572")).isEqualTo(4);
    }

    @Test
    void everyFormattedNumberIsValid() {
        for (long serial = 1; serial < 2000; serial++) {
            assertThat(TrackingNumbers.isValid(TrackingNumbers.format(2026, serial))).isTrue();
        }
    }

    @Test
    void detectsEverySingleDigitMistakeAndEveryAdjacentSwap() {
        String number = TrackingNumbers.format(2026, 480_517);
        String digits = number.replace("ODSC-", "").replace("-", "");
        for (int i = 0; i < digits.length() - 1; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits.charAt(i)) {
                    assertThat(TrackingNumbers.isValid(rebuild(digits.substring(0, i) + d + digits.substring(i + 1))))
                            .as("digit %d changed to %s", i, d).isFalse();
                }
            }
            char[] swapped = digits.toCharArray();
            if (swapped[i] != swapped[i + 1] && i + 1 < digits.length() - 1) {
                char t = swapped[i];
                swapped[i] = swapped[i + 1];
                swapped[i + 1] = t;
                assertThat(TrackingNumbers.isValid(rebuild(new String(swapped)))).as("swap at %d", i).isFalse();
            }
        }
    }

    @Test
    void rejectsMalformedNumbers() {
        assertThat(TrackingNumbers.isValid(null)).isFalse();
        assertThat(TrackingNumbers.isValid("ODSC-2026-12-3")).isFalse();
        assertThat(TrackingNumbers.isValid("odsc-2026-000123-0")).isFalse();
    }

    private static String rebuild(String digits) {
        return "ODSC-" + digits.substring(0, 4) + "-" + digits.substring(4, digits.length() - 1) + "-"
                + digits.charAt(digits.length() - 1);
    }

    @Test
    void trackingCodesAreRandomAndCheckedForgivingly() {
        String code = TrackingCodes.generate();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(TrackingCodes.generate()).isNotEqualTo(code);
        String hash = TrackingCodes.hash(code);
        assertThat(TrackingCodes.matches(code.toLowerCase().replace("-", " "), hash)).isTrue();
        assertThat(TrackingCodes.matches("00000-00000", hash)).isFalse();
        assertThat(TrackingCodes.matches(null, hash)).isFalse();
    }
}
