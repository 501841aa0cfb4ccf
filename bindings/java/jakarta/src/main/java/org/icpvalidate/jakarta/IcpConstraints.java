package org.icpvalidate.jakarta;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.icpvalidate.IcpValidator;
import org.icpvalidate.Options;

/**
 * Settings shared by {@link IcpField} and {@link IcpForm}: the validator they use (one per
 * process, created on first use) and where they take the message locale from.
 *
 * <p>By default messages follow {@link Locale#getDefault()}: Chinese for a {@code zh} locale,
 * else English. A web application sets the request's locale, e.g. in Spring:
 * {@code IcpConstraints.setLocale(() -> LocaleContextHolder.getLocale())}.
 */
public final class IcpConstraints {
    private static volatile IcpValidator validator;
    private static volatile Supplier<Locale> locale = Locale::getDefault;

    private IcpConstraints() {
    }

    /** The validator the constraints use: the one {@link #setValidator} gave, else one made on first use. */
    public static IcpValidator validator() {
        IcpValidator v = validator;
        if (v == null) {
            synchronized (IcpConstraints.class) {
                v = validator;
                if (v == null) {
                    v = new IcpValidator();
                    validator = v;
                }
            }
        }
        return v;
    }

    /** Use {@code v} (e.g. the application's shared one) instead of making another. */
    public static void setValidator(IcpValidator v) {
        validator = Objects.requireNonNull(v);
    }

    /** Where messages take their locale from, asked at each validation. */
    public static void setLocale(Supplier<Locale> source) {
        locale = Objects.requireNonNull(source);
    }

    /** The options of a check now: zh-CN for a Chinese locale, else en; today in China. */
    public static Options options() {
        Locale l = locale.get();
        return Options.locale(l != null && "zh".equals(l.getLanguage()) ? "zh-CN" : "en");
    }
}
