package org.icpvalidate.jakarta;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A class-level constraint for form fields whose check depends on sibling properties: the
 * properties marked {@link Context @IcpForm.Context("province")} make the context, and each
 * property marked {@link Field @IcpForm.Field("mobile")} is checked with it. Violations are
 * reported on the checked property ({@code getPropertyPath()} is {@code mobile}) with
 * icp-validate's message.
 *
 * <pre>{@code
 * @IcpForm
 * public record ContactForm(
 *         @IcpForm.Context("province") String province,
 *         @IcpForm.Field("mobile") String mobile) {}
 * }</pre>
 */
@Documented
@Constraint(validatedBy = IcpFormValidator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface IcpForm {
    /** Used only when the module gives no message (never for a failed check). */
    String message() default "is not valid (icp-validate)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * The property's value is the context key {@link #value()} for the {@link Field}s of its
     * class: {@code province}, {@code provider}, {@code type}, {@code platform},
     * {@code entity_type}, {@code today} (a {@code String} or {@code LocalDate}),
     * {@code national_document} (a {@code Boolean}).
     */
    @Documented
    @Target({FIELD, RECORD_COMPONENT})
    @Retention(RUNTIME)
    @interface Context {
        String value();
    }

    /** The property is checked as the field {@link #value()}, with its class's {@link Context}s. {@code null} is valid. */
    @Documented
    @Target({FIELD, RECORD_COMPONENT})
    @Retention(RUNTIME)
    @interface Field {
        String value();
    }
}
