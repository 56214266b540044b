package org.cetdialogue.tracker.query.cluster;

import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Decides, on the receiving instance, which subscriptions an update relayed from another instance is for: those of
 * the same query type whose every non-null query component equals the update's component of the same name (so
 * {@code FindCommitmentQuery("x")} receives a {@code CommitmentView} of commitment {@code "x"}, and {@code
 * FindAreasQuery()} every update of its type). A query component that the update does not have means no match.
 */
final class RecordMatch {

    private RecordMatch() {}

    static boolean matches(Object query, Object update) {
        if (query == null || !query.getClass().isRecord()) {
            return true;
        }
        for (RecordComponent component : query.getClass().getRecordComponents()) {
            Object wanted = value(component, query);
            if (wanted == null) {
                continue;
            }
            RecordComponent same = component(update, component.getName());
            if (same == null) {
                return false;
            }
            Object actual = value(same, update);
            if (!Objects.equals(wanted, actual) && !String.valueOf(wanted).equals(String.valueOf(actual))) {
                return false;
            }
        }
        return true;
    }

    private static RecordComponent component(Object record, String name) {
        if (record == null || !record.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
