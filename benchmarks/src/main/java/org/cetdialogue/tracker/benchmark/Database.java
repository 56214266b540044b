package org.cetdialogue.tracker.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The database a benchmark run uses: a fresh H2 file database, or a fresh PostgreSQL database. */
record Database(String kind, String url, String user, String password) {

    static Database h2(Path directory) {
        return new Database(
                "h2",
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("tracker")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "sa",
                "");
    }

    /** Creates a new database next to {@code adminUrl}'s (e.g. jdbc:postgresql://127.0.0.1:5432/postgres). */
    static Database freshPostgres(String adminUrl, String user, String password) throws SQLException {
        return freshPostgres(adminUrl, user, password, "cet_bench_");
    }

    /** As above, with a name of {@code prefix} and the time, so that runs sharing one server tell theirs apart. */
    static Database freshPostgres(String adminUrl, String user, String password, String prefix) throws SQLException {
        String name = prefix + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new Database("postgres", url, user, password);
    }

    /** Drops a PostgreSQL database this run created (nothing for H2, whose files are in the work directory). */
    void drop(String adminUrl) throws SQLException {
        if (!kind.equals("postgres")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
        }
    }

    /** Spring arguments that point the tracker (in-process or packaged) at this database. */
    List<String> springArguments() {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + user);
        args.add("--spring.datasource.password=" + password);
        if (kind.equals("postgres")) {
            args.add("--spring.profiles.active=postgres");
            // a production profile: the benchmark signs in as the README's demo users on purpose
            args.add("--tracker.security.demo-users=true");
            args.add("--TRACKER_DB_URL=" + url);
            args.add("--TRACKER_DB_USER=" + user);
            args.add("--TRACKER_DB_PASSWORD=" + password);
        }
        return args;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
