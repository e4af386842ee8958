package org.onedoor.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of PostgreSQL's that counts what a process asks of the database: statements by kind
 * (a batched one counts once per row of the batch, as it is one statement to the server), round trips, commits
 * and rollbacks. The harness starts OneDoor and the bare engine with {@code jdbc:counted:postgresql://...} and
 * this class as their driver, and reads the counts from the file named by {@code -Dbench.statements.file},
 * written every 200 ms. Nothing of it is in OneDoor's jar.
 */
public final class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counted:";
    static final String[] COUNTS = {"select", "insert", "update", "delete", "other", "roundTrips", "commits", "rollbacks"};
    private static final int ROUND_TRIPS = 5;
    private static final int COMMITS = 6;
    private static final int ROLLBACKS = 7;
    private static final AtomicLongArray COUNTED = new AtomicLongArray(COUNTS.length);
    /** {@code -Dbench.statements.log=<file>}: every statement and commit too, with its thread, to read one request's. */
    private static final java.io.PrintWriter LOG = open(System.getProperty("bench.statements.log"));

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
        String file = System.getProperty("bench.statements.file");
        if (file != null) {
            Thread writer = new Thread(() -> {
                while (true) {
                    try {
                        Files.writeString(Path.of(file), snapshot().values().stream().map(String::valueOf)
                                .reduce((a, b) -> a + " " + b).orElseThrow());
                        Thread.sleep(200);
                    } catch (Exception stopped) {
                        return;
                    }
                }
            }, "statement-counts");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private static java.io.PrintWriter open(String file) {
        try {
            return file == null ? null : new java.io.PrintWriter(Files.newBufferedWriter(Path.of(file)), true);
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void log(String what) {
        if (LOG != null) {
            synchronized (LOG) {
                LOG.println(Thread.currentThread().getName() + "\t" + what.replaceAll("\\s+", " "));
            }
        }
    }

    /** The counts so far, by the names in {@link #COUNTS}. */
    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < COUNTS.length; i++) {
            counts.put(COUNTS[i], COUNTED.get(i));
        }
        return counts;
    }

    /** Reads a file written by {@link #snapshot}'s writer. */
    static Map<String, Long> read(Path file) throws java.io.IOException {
        String[] values = Files.readString(file).trim().split(" ");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < COUNTS.length; i++) {
            counts.put(COUNTS[i], Long.parseLong(values[i]));
        }
        return counts;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Counted(real, null));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static int kind(String sql) {
        String head = sql.stripLeading().toLowerCase(Locale.ROOT);
        for (int i = 0; i < 4; i++) {
            if (head.startsWith(COUNTS[i])) {
                return i;
            }
        }
        return head.startsWith("with") ? 0 : 4;
    }

    /** A connection or a statement: counts what passes and wraps the statements a connection makes. */
    private record Counted(Object target, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (target instanceof Connection) {
                switch (name) {
                    case "commit" -> {
                        COUNTED.incrementAndGet(COMMITS);
                        log("COMMIT");
                    }
                    case "rollback" -> {
                        COUNTED.incrementAndGet(ROLLBACKS);
                        log("ROLLBACK");
                    }
                    case "createStatement", "prepareStatement", "prepareCall" -> {
                        Class<?> type = name.equals("createStatement") ? Statement.class
                                : name.equals("prepareStatement") ? PreparedStatement.class : CallableStatement.class;
                        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                                new Counted(result, args != null && args[0] instanceof String s ? s : null));
                    }
                    default -> { }
                }
                return result;
            }
            switch (name) {
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                    String text = args != null && args.length > 0 ? (String) args[0] : sql;
                    COUNTED.incrementAndGet(kind(text));
                    COUNTED.incrementAndGet(ROUND_TRIPS);
                    log(text);
                }
                case "addBatch" -> {
                    String text = args != null && args.length > 0 ? (String) args[0] : sql;
                    COUNTED.incrementAndGet(kind(text));
                    log("(batch) " + text);
                }
                case "executeBatch", "executeLargeBatch" -> COUNTED.incrementAndGet(ROUND_TRIPS);
                default -> { }
            }
            return result;
        }
    }
}
