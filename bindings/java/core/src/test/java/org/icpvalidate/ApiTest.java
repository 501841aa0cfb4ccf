package org.icpvalidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java surface: records, defaults, locales, errors as exceptions, long inputs. */
class ApiTest {
    private static IcpValidator icp;

    @BeforeAll
    static void load() {
        icp = new IcpValidator();
    }

    @AfterAll
    static void close() {
        icp.close();
    }

    @Test
    void aWrongResidentIdIsAnAnswerWithOurMessageInBothLocales() {
        FieldResult en = icp.validateField("resident_id", "110105194912310021", Context.empty(), Options.locale("en"));
        assertFalse(en.valid());
        assertEquals("resident_id.checksum", en.errors().get(0).code());
        assertEquals(Severity.ERROR, en.errors().get(0).severity());
        assertTrue(en.errors().get(0).message().startsWith("The check character does not match"), en.errors().get(0).message());
        FieldResult zh = icp.validateField("resident_id", "110105194912310021");
        assertTrue(zh.errors().get(0).message().startsWith("身份证号码校验位不正确"), zh.errors().get(0).message());
        assertEquals(11L, zh.details().get("province_code"));
        assertEquals(zh, icp.validateField("resident_id", "110105194912310021", Context.empty(), Options.defaults().withLocale(Locale.SIMPLIFIED_CHINESE)));
    }

    @Test
    void contextFromSiblingValues() {
        Context beijing = Context.empty().withProvince("北京").withToday(LocalDate.of(2026, 11, 30));
        assertEquals("{\"province\":\"北京\",\"today\":\"2026-11-30\"}", beijing.toJson());
        FieldResult r = icp.validateField("mobile", "13000100000", beijing, Options.locale("en"));
        assertTrue(r.valid(), r.json());
        assertEquals("", Context.empty().toJson());
        assertEquals(Context.fromJson("{\"province\":\"北京\",\"today\":\"2026-11-30\"}"), beijing);
    }

    @Test
    void todayDefaultsToTheDateInChina() {
        Options o = Options.defaults();
        LocalDate china = LocalDate.now(Options.CHINA);
        int n = o.todayNumber();
        assertTrue(n == china.getYear() * 10000 + china.getMonthValue() * 100 + china.getDayOfMonth()
                || LocalDate.now(Options.CHINA).isAfter(china), "today " + n);
        assertEquals(20261130, o.withToday(LocalDate.of(2026, 11, 30)).todayNumber());
    }

    @Test
    void refusedArgumentsAreExceptionsWithTheModulesKind() {
        assertEquals("bad_locale", assertThrows(IcpValidateException.class,
                () -> icp.validateField("mobile", "1", Context.empty(), Options.locale("fr"))).kind());
        assertEquals("unknown_provider", assertThrows(IcpValidateException.class,
                () -> icp.validateFiling("{}", Options.defaults().withProvider("acme"))).kind());
        assertEquals("unknown_attachment_kind", assertThrows(IcpValidateException.class,
                () -> icp.checkAttachment("selfie", new byte[0], 0, Context.empty(), Options.defaults())).kind());
        assertEquals("bad_context", assertThrows(IcpValidateException.class,
                () -> icp.isValid("mobile", "13800138000", Context.fromJson("nope"))).kind());
        assertEquals("too_large", assertThrows(IcpValidateException.class,
                () -> icp.validateField("x".repeat(2000), "1", Context.empty(), Options.defaults())).kind());
    }

    @Test
    void unknownFieldsAndHugeValuesAreAnswers() {
        FieldResult unknown = icp.validateField("no_such_field", "x");
        assertEquals("field.unknown", unknown.errors().get(0).code());
        FieldResult huge = icp.validateField("domain", "a".repeat(10 * 1024 * 1024), Context.empty(), Options.locale("en"));
        assertEquals("input.too_long", huge.errors().get(0).code());
        assertTrue(icp.isValid("mobile", "13800138000"), "the instance that took 10 MB still answers");
    }

    @Test
    void fieldsAndVersion() {
        List<FieldInfo> fields = icp.fields(Options.locale("en"));
        assertTrue(fields.stream().anyMatch(f -> f.id().equals("resident_id")));
        assertTrue(fields.size() > 20, "fields: " + fields.size());
        Version v = icp.version();
        assertEquals(1, v.abiVersion());
        assertTrue(v.version().contains("+data." + v.dataVersion()), v.toString());
    }

    @Test
    void aFilingReportCarriesItsFindingsWithPaths() throws Exception {
        String json = java.nio.file.Files.readString(Corpus.root().resolve("examples/filings/website_with_mistakes.json"));
        FilingReport r = icp.validateFiling(json, Options.locale("en").withToday(LocalDate.of(2026, 11, 30)));
        assertFalse(r.valid());
        assertFalse(r.errors().isEmpty());
        assertTrue(r.errors().stream().allMatch(f -> f.path() != null), "every filing finding has a path");
        assertEquals("new_filing", r.kind());
    }
}
