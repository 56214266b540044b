package org.cetdialogue.tracker.support;

import java.nio.file.Path;
import java.util.List;

/** The database a test tracker runs on: an H2 file database in the test's own directory. */
public final class TestDatabase {

    private TestDatabase() {}

    public static String url(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("tracker")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    public static List<String> extraArguments() {
        return List.of();
    }
}
