package org.cetdialogue.tracker.api.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every kind of commitment event, read from the sealed hierarchy of {@link CommitmentEvent}, and the name each is
 * stored under ({@link StoredAs}, else its class name).
 */
public final class CommitmentEvents {

    private static final List<Class<? extends CommitmentEvent>> TYPES = List.copyOf(leaves(CommitmentEvent.class));

    /** Class name by stored name, for the events stored under another name. */
    private static final Map<String, String> CLASS_NAMES = TYPES.stream()
            .filter(type -> type.isAnnotationPresent(StoredAs.class))
            .collect(Collectors.toUnmodifiableMap(CommitmentEvents::storedName, Class::getName));

    private CommitmentEvents() {}

    /** The event records: the permitted subclasses of {@link CommitmentEvent}, recursively. */
    public static List<Class<? extends CommitmentEvent>> types() {
        return TYPES;
    }

    /** The event type of that simple name (as a correction names the type of the event it corrects). */
    public static Optional<Class<? extends CommitmentEvent>> named(String simpleName) {
        return TYPES.stream()
                .filter(type -> type.getSimpleName().equals(simpleName))
                .findFirst();
    }

    /** The type name {@code type} is stored under. */
    public static String storedName(Class<?> type) {
        StoredAs storedAs = type.getAnnotation(StoredAs.class);
        return storedAs == null ? type.getName() : storedAs.value();
    }

    /** The name of the class a stored type name stands for (the stored name itself unless {@link StoredAs} says so). */
    public static String className(String storedName) {
        return CLASS_NAMES.getOrDefault(storedName, storedName);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends CommitmentEvent>> leaves(Class<?> type) {
        List<Class<? extends CommitmentEvent>> leaves = new ArrayList<>();
        if (!type.isSealed()) {
            leaves.add((Class<? extends CommitmentEvent>) type);
            return leaves;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            leaves.addAll(leaves(permitted));
        }
        return leaves;
    }
}
