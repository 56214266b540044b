package org.cetdialogue.tracker.query.audit.deadletter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A fault-injection seam for tests of the dead-letter queue: a projection asks it before applying an event, and it
 * throws only for a (processing group, commitment) pair a test has registered. Nothing in the application registers
 * one, so in production it never throws.
 */
@Component
public class ProjectionFaults {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Test only: from now on, {@code processingGroup} fails on every event of {@code commitmentId}. */
    public void failFor(String processingGroup, String commitmentId) {
        failing.add(processingGroup + "/" + commitmentId);
    }

    /** Test only: removes every registered fault. */
    public void clear() {
        failing.clear();
    }

    public void check(String processingGroup, String commitmentId) {
        if (!failing.isEmpty() && failing.contains(processingGroup + "/" + commitmentId)) {
            throw new InjectedFaultException(
                    "injected fault: " + processingGroup + " cannot apply events of " + commitmentId);
        }
    }

    /** The failure a registered fault raises. */
    public static class InjectedFaultException extends RuntimeException {
        public InjectedFaultException(String message) {
            super(message);
        }
    }
}
