package org.cetdialogue.tracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the tracker once per configuration named by {@link SharedTracker} and hands it, or its client, to every
 * parameter of type {@link RunningTracker} or {@link TrackerClient}. The running applications live in the root
 * context's store, keyed by their set of properties, so every class of the test JVM that names the same set gets the
 * same one; JUnit closes them, and their data directories (a fresh one each, hence a PostgreSQL database of their
 * own through {@link TestDatabase}) are deleted, when the whole run ends.
 */
public final class TrackerExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(TrackerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningTracker.class || type == TrackerClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningTracker tracker = tracker(context);
        return parameter.getParameter().getType() == RunningTracker.class ? tracker : tracker.client();
    }

    /** The shared tracker of the configuration the test class names, started on first use. */
    private static RunningTracker tracker(ExtensionContext context) {
        Configuration configuration = Configuration.of(context);
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(configuration, Configuration::start, Shared.class)
                .tracker();
    }

    /** A set of properties: two classes naming the same ones in another order share a tracker. */
    record Configuration(SortedSet<String> properties) {

        static Configuration of(ExtensionContext context) {
            Class<?> testClass = context.getRequiredTestClass();
            SharedTracker annotation = null;
            for (Class<?> c = testClass; c != null && annotation == null; c = c.getEnclosingClass()) {
                annotation = c.getAnnotation(SharedTracker.class);
            }
            if (annotation == null) {
                throw new ExtensionConfigurationException(testClass.getName() + " is not annotated @SharedTracker");
            }
            return new Configuration(new TreeSet<>(List.of(annotation.value())));
        }

        Shared start() {
            Path dataDirectory;
            try {
                dataDirectory = Files.createTempDirectory("shared-tracker-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Shared(RunningTracker.start(dataDirectory, properties.toArray(String[]::new)), dataDirectory);
        }
    }

    /** A running tracker and its data directory, closed by JUnit at the end of the run. */
    record Shared(RunningTracker tracker, Path dataDirectory) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws IOException {
            try {
                tracker.close();
            } finally {
                FileSystemUtils.deleteRecursively(dataDirectory);
            }
        }
    }
}
