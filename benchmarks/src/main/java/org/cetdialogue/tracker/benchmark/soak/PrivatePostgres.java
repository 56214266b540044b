package org.cetdialogue.tracker.benchmark.soak;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of the soak's own ({@code initdb} into a directory under {@code target/}, on a free port):
 * the soak restarts it with {@code -m immediate} and takes all of its connections, which must never happen to a
 * server other people use. As root the server runs as the {@code postgres} OS user (PostgreSQL refuses to run as
 * root), through {@code runuser}.
 */
final class PrivatePostgres implements AutoCloseable {

    static final String DATABASE = "tracker";
    static final String TRACKER_ROLE = "tracker";

    private final Path bin;
    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dataDirectory, Path logFile, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts a fresh cluster in {@code directory} (emptied first) with {@code maxConnections}, a database
     * {@value #DATABASE} owned by the unprivileged role {@value #TRACKER_ROLE} (so the superuser's reserved slots stay
     * out of the tracker's reach).
     */
    static PrivatePostgres create(Path bin, Path directory, int maxConnections) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Path data = directory.resolve("data");
        Path log = directory.resolve("postgres.log");
        if (root) {
            run(
                    List.of("chown", "postgres:postgres", directory.toString()),
                    Duration.ofSeconds(10),
                    directory.resolve("pg_ctl.log"));
        }
        PrivatePostgres pg = new PrivatePostgres(bin, data, log, freePort(), root);
        pg.asServerUser(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-instructions"),
                Duration.ofMinutes(3));
        String settings = String.join(
                "\n",
                "listen_addresses = '127.0.0.1'",
                "port = " + pg.port,
                "unix_socket_directories = '" + directory + "'",
                "max_connections = " + maxConnections,
                "superuser_reserved_connections = 3",
                "shared_buffers = 64MB",
                // durability exactly as a production server: every commit flushed
                "fsync = on",
                "synchronous_commit = on",
                "log_min_messages = warning",
                "");
        Files.writeString(
                data.resolve("postgresql.conf"),
                Files.readString(data.resolve("postgresql.conf")) + "\n# cet soak\n" + settings);
        pg.start();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + pg.port + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + TRACKER_ROLE + " LOGIN");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + TRACKER_ROLE);
        } catch (SQLException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** {@code pg_ctl start}, waiting until it accepts connections. */
    void start() throws Exception {
        asServerUser(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDirectory.toString(),
                        "-l",
                        logFile.toString(),
                        "-w",
                        "-t",
                        "120",
                        "start"),
                Duration.ofMinutes(3));
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, as in a power cut; recovery replays WAL. */
    void stopImmediately() throws Exception {
        stop("immediate");
    }

    private void stop(String mode) throws Exception {
        asServerUser(
                List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", mode, "-w", "stop"),
                Duration.ofMinutes(2));
    }

    /**
     * Opens superuser connections until the server refuses one (all slots, the reserved ones too, are then held) and
     * answers them; the caller closes them.
     */
    List<Connection> takeAllConnections() {
        List<Connection> held = new ArrayList<>();
        while (held.size() < 10_000) {
            try {
                held.add(connectAsSuperuser());
            } catch (SQLException refused) {
                return held;
            }
        }
        return held;
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            stop("fast");
        }
    }

    private void asServerUser(List<String> command, Duration timeout) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, timeout, logFile.resolveSibling("pg_ctl.log"));
    }

    private static void run(List<String> command, Duration timeout, Path log) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command + " (see " + log + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
