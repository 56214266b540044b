package org.cetdialogue.tracker.api.commitment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type name an event is stored under when it differs from its class name: the name it had when its first instance
 * was stored. Written and read by {@link org.cetdialogue.tracker.api.json.StoredMessageSerializer}; never change it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoredAs {

    String value();
}
