package org.cetdialogue.tracker.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a tracker shared with every other class naming the same configuration: the
 * application starts once per distinct set of properties in the test JVM and stops when the run ends. Its
 * {@link RunningTracker} and {@link TrackerClient} are handed to lifecycle methods, constructors and tests as
 * parameters (see {@link TrackerExtension}).
 *
 * <p>A class on a shared tracker finds the events of the classes that ran before it: it asserts about its own
 * commitments (ids no other class uses) and counts relative to what was stored before it acted, which holds because
 * the test JVM runs one class at a time (parallel class execution would need more than this). A class that
 * restarts the application, corrupts its database or needs it empty starts its own with
 * {@link RunningTracker#start}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TrackerExtension.class)
public @interface SharedTracker {

    /**
     * The application's properties ({@code name=value}, as for {@link RunningTracker#start}); classes naming the same
     * set, in any order, share one application. None: the tracker as configured by default, with the seeded fact
     * sheet.
     */
    String[] value() default {};
}
