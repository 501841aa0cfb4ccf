package org.icpvalidate.jakarta;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.icpvalidate.Context;

/** Checks the {@link IcpForm.Field}s of an {@link IcpForm} object with its {@link IcpForm.Context}s. */
public final class IcpFormValidator implements ConstraintValidator<IcpForm, Object> {
    /** The marked properties of a class, found once. */
    private record Shape(List<Field> contexts, List<Field> checked) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    @Override
    public boolean isValid(Object form, ConstraintValidatorContext cv) {
        if (form == null) {
            return true;
        }
        Shape shape = SHAPES.computeIfAbsent(form.getClass(), IcpFormValidator::shape);
        Context context = Context.empty();
        for (Field f : shape.contexts()) {
            Object v = read(f, form);
            if (v != null && !(v instanceof String || v instanceof Boolean || v instanceof Number || v instanceof java.time.LocalDate)) {
                v = v.toString(); // an enum or a value type: its text
            }
            context = context.with(f.getAnnotation(IcpForm.Context.class).value(), v);
        }
        boolean valid = true;
        for (Field f : shape.checked()) {
            Object value = read(f, form);
            if (value != null) {
                valid &= Violations.check(f.getAnnotation(IcpForm.Field.class).value(), value.toString(), context, cv, f.getName());
            }
        }
        return valid;
    }

    private static Shape shape(Class<?> type) {
        List<Field> contexts = new ArrayList<>(), checked = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(IcpForm.Context.class)) {
                    f.setAccessible(true);
                    contexts.add(f);
                }
                if (f.isAnnotationPresent(IcpForm.Field.class)) {
                    f.setAccessible(true);
                    checked.add(f);
                }
            }
        }
        return new Shape(List.copyOf(contexts), List.copyOf(checked));
    }

    private static Object read(Field f, Object form) {
        try {
            return f.get(form);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("@IcpForm cannot read " + f, e);
        }
    }
}
