package dev.icpvalidate.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every check of one job shares: the locale of the messages, today's date and the provider
 * profile that overrides a filing's own. Built once on the driver and shipped to the executors
 * inside the functions, so one run gives one answer even across midnight.
 *
 * @param locale   a locale tag as the CLI's {@code --locale} takes it ({@code zh-CN}, {@code en}, ...)
 * @param today    the date rules compare with (a context's own {@code today} wins)
 * @param provider a provider profile id ({@code nwcd}, {@code sinnet}, {@code aliyun},
 *                 {@code generic}) for whole filings, or {@code null} for each filing's own
 */
public record CheckOptions(String locale, LocalDate today, String provider) implements Serializable {
    /** China Standard Time, where the filings are judged; the module has no clock of its own. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public CheckOptions {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(today, "today");
    }

    /** zh-CN, today in China Standard Time, each filing's own provider (the CLI's defaults). */
    public static CheckOptions defaults() {
        return new CheckOptions("zh-CN", LocalDate.now(CHINA), null);
    }

    public CheckOptions withLocale(String tag) {
        return new CheckOptions(tag, today, provider);
    }

    public CheckOptions withToday(LocalDate day) {
        return new CheckOptions(locale, day, provider);
    }

    public CheckOptions withProvider(String id) {
        return new CheckOptions(locale, today, id);
    }
}
