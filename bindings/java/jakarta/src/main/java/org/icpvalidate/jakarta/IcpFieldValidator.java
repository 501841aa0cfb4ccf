package org.icpvalidate.jakarta;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.icpvalidate.Context;

/** Checks one {@link IcpField} value; instantiated by the Bean Validation provider. */
public final class IcpFieldValidator implements ConstraintValidator<IcpField, CharSequence> {
    private String field;
    private Context context;

    @Override
    public void initialize(IcpField annotation) {
        field = annotation.value();
        context = annotation.context().isEmpty() ? Context.empty() : Context.fromJson(annotation.context());
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext cv) {
        return value == null || Violations.check(field, value.toString(), context, cv, null);
    }
}
