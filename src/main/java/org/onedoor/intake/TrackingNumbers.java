package org.onedoor.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers such as {@code ODSC-2026-000123-7}: the year of filing, a database sequence, and a Damm
 * check digit, which catches every single mistyped digit and every swap of two neighbouring digits.
 */
@Component
class TrackingNumbers {

    private static final Pattern FORMAT = Pattern.compile("ODSC-(\\d{4})-(\\d{6,})-(\\d)");
    private static final String SEQUENCE = "tracking_number_seq";

    /** Damm's totally anti-symmetric quasigroup of order 10. */
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    private final DataFieldMaxValueIncrementer sequence;

    TrackingNumbers(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
        this.sequence = "PostgreSQL".equals(product)
                ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    String next(int year) {
        return format(year, sequence.nextLongValue());
    }

    static String format(int year, long serial) {
        String digits = String.format("%04d%06d", year, serial);
        return "ODSC-" + digits.substring(0, 4) + "-" + digits.substring(4) + "-" + checkDigit(digits);
    }

    /** True if the number has the right shape and its check digit matches. */
    static boolean isValid(String trackingNumber) {
        Matcher m = trackingNumber == null ? null : FORMAT.matcher(trackingNumber);
        return m != null && m.matches() && checkDigit(m.group(1) + m.group(2)) == m.group(3).charAt(0) - '0';
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }
}
