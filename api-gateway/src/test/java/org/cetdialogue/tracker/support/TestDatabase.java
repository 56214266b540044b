package org.cetdialogue.tracker.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a test tracker runs on: the single place where the HTTP suite chooses it.
 *
 * <p>By default an H2 file database in the test's own directory. With {@code -Dtracker.test.database=postgres} a
 * PostgreSQL database of its own for each data directory (the same directory maps to the same database, so a restart
 * on the same directory finds its data), created on first use on the server named by
 * {@code -Dtracker.test.database.url} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}; user and password
 * from {@code tracker.test.database.user} and {@code .password}) and dropped when the test JVM ends. The databases
 * are named after the database of that URL (or {@code cet_tracker_test}) and a digest of the directory, so tests of
 * several people on one server never meet.
 */
public final class TestDatabase {

    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");
    private static final Set<String> CREATED = new LinkedHashSet<>();

    private TestDatabase() {}

    /** True when the suite runs on PostgreSQL ({@code -Dtracker.test.database=postgres}). */
    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("tracker.test.database", "h2"));
    }

    /** The JDBC URL of the database for this data directory, created if it does not exist yet. */
    public static String url(Path dataDirectory) {
        if (!isPostgres()) {
            return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("tracker") + H2_OPTIONS;
        }
        String name = databaseName(dataDirectory);
        createIfMissing(name);
        Matcher server = serverUrl();
        return server.group(1) + name + (server.group(3) == null ? "" : server.group(3));
    }

    /** What the application needs besides the URL: the profile and the credentials. */
    public static List<String> extraArguments() {
        if (!isPostgres()) {
            return List.of();
        }
        return List.of(
                "--spring.profiles.active=postgres",
                // a production profile: the tests sign in as the README's demo users on purpose
                "--tracker.security.demo-users=true",
                // the suite keeps several trackers running (shared by test classes, and two at once in the cluster
                // tests), each with a pool of up to 20 and two LISTEN connections: an idle pool gives its connections
                // back after 10 s, so that they stay within the server's 100 however many are running
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.datasource.hikari.idle-timeout=10000",
                "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password());
    }

    /** Every argument that points an application at the database of this data directory. */
    public static List<String> arguments(Path dataDirectory) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.url=" + url(dataDirectory));
        arguments.addAll(extraArguments());
        return arguments;
    }

    /** A plain JDBC connection to the database of this data directory, for tests that look behind the API. */
    public static Connection connect(Path dataDirectory) throws SQLException {
        return isPostgres()
                ? DriverManager.getConnection(url(dataDirectory), user(), password())
                : DriverManager.getConnection(url(dataDirectory), "sa", "");
    }

    /**
     * Tables that hold the events themselves, their hash chain and checkpoints (append-only in PostgreSQL), or the
     * gateway's own state: not projections.
     */
    private static final Set<String> NOT_PROJECTIONS = Set.of(
            "domain_event_entry",
            "snapshot_event_entry",
            "event_chain",
            "chain_checkpoint",
            "flyway_schema_history",
            "idempotency_key");

    /**
     * Empties every projection table and the processors' tokens of a stopped tracker's database, so that its next
     * start rebuilds them all from the events. Every table not in {@link #NOT_PROJECTIONS} is emptied, so a projection
     * added later is covered without changing this list; the names emptied are returned.
     */
    public static List<String> emptyProjectionsAndTokens(Path dataDirectory) throws SQLException {
        List<String> emptied = new ArrayList<>();
        try (Connection connection = connect(dataDirectory);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (String table : tables) {
                if (!NOT_PROJECTIONS.contains(table)) {
                    statement.executeUpdate("DELETE FROM " + table);
                    emptied.add(table);
                }
            }
        }
        return emptied;
    }

    /** The PostgreSQL server's own URL (its maintenance database), user and password. */
    public static String serverUrlText() {
        return System.getProperty("tracker.test.database.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String user() {
        return System.getProperty("tracker.test.database.user", "postgres");
    }

    public static String password() {
        return System.getProperty("tracker.test.database.password", "");
    }

    static String databaseName(Path dataDirectory) {
        String base = serverUrl().group(2);
        String prefix = base.equals("postgres") || base.equals("template1") ? "cet_tracker_test" : base;
        if (prefix.length() > 40) {
            prefix = prefix.substring(0, 40);
        }
        return (prefix + "_" + digest(dataDirectory.toAbsolutePath().normalize().toString())).toLowerCase();
    }

    private static Matcher serverUrl() {
        Matcher matcher = POSTGRES_URL.matcher(serverUrlText());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("tracker.test.database.url must look like "
                    + "jdbc:postgresql://host:port/database, not " + serverUrlText());
        }
        return matcher;
    }

    private static synchronized void createIfMissing(String name) {
        if (CREATED.contains(name)) {
            return;
        }
        try (Connection server = DriverManager.getConnection(serverUrlText(), user(), password())) {
            boolean exists;
            try (PreparedStatement query = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = server.createStatement()) {
                    statement.executeUpdate("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
        }
        CREATED.add(name);
    }

    private static synchronized void dropCreated() {
        try (Connection server = DriverManager.getConnection(serverUrlText(), user(), password());
                Statement statement = server.createStatement()) {
            for (String name : CREATED) {
                statement.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // the server may be away; CI drops what is left by name
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
