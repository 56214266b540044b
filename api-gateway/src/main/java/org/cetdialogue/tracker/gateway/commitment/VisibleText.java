package org.cetdialogue.tracker.gateway.commitment;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that a reader can see: when given, it holds at least one character that is not invisible. Invisible are
 * whitespace and separators (Unicode {@code Zs}, {@code Zl}, {@code Zp}, tabs and line breaks), format characters
 * ({@code Cf}: the zero-width space U+200B, joiners, the byte order mark, bidirectional marks), control characters
 * ({@code Cc}), and the fillers that render as nothing (U+034F, U+115F, U+1160, U+17B4, U+17B5, U+2800, U+3164,
 * U+FFA0). {@code @NotBlank} counts only characters up to U+0020 as blank, so a description made of a zero-width space
 * passed it. Null is left to {@code @NotNull}: a required text is {@code @NotNull @VisibleText}.
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface VisibleText {

    String message() default "must not be blank (spaces and invisible characters such as U+200B do not count)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself. */
    final class Validator implements ConstraintValidator<VisibleText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || hasVisible(value);
        }

        static boolean hasVisible(CharSequence text) {
            return text.codePoints().anyMatch(c -> !isInvisible(c));
        }

        static boolean isInvisible(int c) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return true;
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL) {
                return true;
            }
            return switch (c) {
                case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0 -> true;
                default -> false;
            };
        }
    }
}
