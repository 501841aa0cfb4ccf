package org.icpvalidate.jakarta;

import jakarta.validation.ConstraintValidatorContext;
import org.icpvalidate.Context;
import org.icpvalidate.FieldResult;
import org.icpvalidate.Finding;
import org.icpvalidate.IcpValidator;
import org.icpvalidate.Options;

/** One value's check and its violations, shared by both validators. */
final class Violations {
    private Violations() {
    }

    /**
     * Checks {@code value} as {@code field}; on failure adds one violation per error finding
     * (on {@code property} when given) and returns false.
     */
    static boolean check(String field, String value, Context context, ConstraintValidatorContext cv, String property) {
        IcpValidator icp = IcpConstraints.validator();
        Options options = IcpConstraints.options();
        if (icp.isValid(field, value, context, options)) {
            return true;
        }
        FieldResult result = icp.validateField(field, value, context, options);
        if (result.errors().isEmpty()) {
            return false; // the default message; the module always gives an error with a failed check
        }
        cv.disableDefaultConstraintViolation();
        for (Finding f : result.errors()) {
            ConstraintValidatorContext.ConstraintViolationBuilder b = cv.buildConstraintViolationWithTemplate(literal(f.message()));
            if (property != null) {
                b.addPropertyNode(property).addConstraintViolation();
            } else {
                b.addConstraintViolation();
            }
        }
        return false;
    }

    /** The module's worded message as a message template that interpolates to itself. */
    static String literal(String message) {
        StringBuilder sb = new StringBuilder(message.length() + 8);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
