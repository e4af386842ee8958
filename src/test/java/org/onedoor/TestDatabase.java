package org.onedoor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an integration test's application at its database: an in-memory H2 by default, or, when the build runs
 * with {@code -Donedoor.test.db=postgres} (what {@code ONEDOOR_TEST_DB=postgres} switches on), a fresh database
 * on the PostgreSQL server at {@code ONEDOOR_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/}),
 * dropped and created anew for each test context. An unreachable server fails the tests; nothing is skipped.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("onedoor.test.db"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String profiles = String.join("_", context.getEnvironment().getActiveProfiles());
        Map<String, Object> properties = fresh("onedoor_it_" + (profiles.isEmpty() ? "default" : profiles));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onedoor-test-db", properties));
    }

    /**
     * A new, empty database and the datasource properties that reach it. The H2 one lives as long as the JVM,
     * so that a test can stop an application and start it again on the same data.
     */
    public static Map<String, Object> fresh(String name) {
        return postgres() ? createPostgres(name) : Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    private static Map<String, Object> createPostgres(String name) {
        String server = env("ONEDOOR_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String user = env("ONEDOOR_TEST_PG_USER", "postgres");
        String password = env("ONEDOOR_TEST_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("ONEDOOR_TEST_DB=postgres but PostgreSQL at " + server
                    + " cannot be reached or used: " + e.getMessage(), e);
        }
        return Map.of("spring.datasource.url", server + name, "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
