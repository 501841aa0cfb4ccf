package org.icpvalidate.jakarta;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@code String} (any {@code CharSequence}) must pass icp-validate's check for one
 * field, e.g. {@code @IcpField("resident_id")}. Each error finding becomes one
 * {@code ConstraintViolation} whose message is icp-validate's own, in the locale
 * {@link IcpConstraints#locale()} gives (zh-CN or en). {@code null} is valid (add
 * {@code @NotNull} for a required value).
 *
 * <p>For checks that need a sibling property (a mobile number and the province it must belong
 * to), use {@link IcpForm} on the class instead.
 */
@Documented
@Constraint(validatedBy = IcpFieldValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Repeatable(IcpField.List.class)
public @interface IcpField {
    /** The field id ({@code resident_id}, {@code mobile}, {@code domain}, …; {@code IcpValidator#fields()} lists them). */
    String value();

    /** A fixed context as a JSON object, e.g. {@code {"type":"passport"}}; empty for none. */
    String context() default "";

    /** Used only when the module gives no message (never for a failed check). */
    String message() default "is not valid (icp-validate)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Several {@code @IcpField} on one element. */
    @Documented
    @Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE})
    @Retention(RUNTIME)
    @interface List {
        IcpField[] value();
    }
}
