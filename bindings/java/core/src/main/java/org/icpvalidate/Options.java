package org.icpvalidate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * What every call takes besides its input: the locale the module words its messages in, the day
 * dates are checked against, and (for filings) a provider that overrides the filing's own.
 *
 * <pre>{@code
 * Options en = Options.defaults().withLocale("en").withToday(LocalDate.of(2026, 11, 30));
 * }</pre>
 *
 * @param locale   a locale tag as the CLI's {@code --locale} reads it: {@code zh-CN} (the default),
 *                 {@code zh}, {@code en}, {@code en-US}, …; resolved by the module, an unknown tag
 *                 is an {@link IcpValidateException} ({@code bad_locale})
 * @param today    the day to check dates against; {@code null}: today's date in China Standard Time
 *                 ({@code Asia/Shanghai}), taken when the call is made (the module has no clock).
 *                 A context's own {@code today} wins over it.
 * @param provider for {@link IcpValidator#validateFiling(String, Options)} only: {@code nwcd},
 *                 {@code sinnet}, {@code aliyun} or {@code generic} instead of the filing's own;
 *                 {@code null}: the filing's
 */
public record Options(String locale, LocalDate today, String provider) {
    /** China Standard Time, where the default "today" is taken. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Options DEFAULTS = new Options("zh-CN", null, null);

    public Options {
        Objects.requireNonNull(locale, "locale");
    }

    /** zh-CN, today in China, the filing's own provider. */
    public static Options defaults() {
        return DEFAULTS;
    }

    /** The defaults with messages in {@code tag} ({@code zh-CN}, {@code en}, …). */
    public static Options locale(String tag) {
        return DEFAULTS.withLocale(tag);
    }

    /** A copy with messages in {@code tag}. */
    public Options withLocale(String tag) {
        return new Options(tag, today, provider);
    }

    /** A copy with messages in {@code locale}'s language tag ({@code Locale.ENGLISH}, {@code Locale.SIMPLIFIED_CHINESE}). */
    public Options withLocale(Locale locale) {
        return new Options(locale.toLanguageTag(), today, provider);
    }

    /** A copy that checks dates against {@code day} ({@code null}: today in China). */
    public Options withToday(LocalDate day) {
        return new Options(locale, day, provider);
    }

    /** A copy whose filings are checked for {@code providerId} ({@code null}: the filing's own). */
    public Options withProvider(String providerId) {
        return new Options(locale, today, providerId);
    }

    /** {@link #today()}, or today's date in China Standard Time, as the module's {@code yyyymmdd}. */
    int todayNumber() {
        LocalDate day = today != null ? today : LocalDate.now(CHINA);
        return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
