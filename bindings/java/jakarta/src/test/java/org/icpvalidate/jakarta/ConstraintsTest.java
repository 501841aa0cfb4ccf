package org.icpvalidate.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The constraints through Hibernate Validator, the reference implementation, in zh-CN and en. */
class ConstraintsTest {
    /** A request body as a filing console receives it. */
    public static class Applicant {
        @IcpField("resident_id")
        String residentId;

        @IcpField("domain")
        String domain;

        Applicant(String residentId, String domain) {
            this.residentId = residentId;
            this.domain = domain;
        }
    }

    /** The mobile must belong to the sibling province (an error under the aliyun profile). */
    @IcpForm
    public record Contact(@IcpForm.Context("province") String province, @IcpForm.Context("provider") String provider,
            @IcpForm.Field("mobile") String mobile) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @AfterEach
    void defaultLocale() {
        IcpConstraints.setLocale(Locale::getDefault);
    }

    @Test
    void aWrongResidentIdIsRejectedWithOurMessageInChinese() {
        IcpConstraints.setLocale(() -> Locale.SIMPLIFIED_CHINESE);
        Set<ConstraintViolation<Applicant>> v = validator.validate(new Applicant("110105194912310021", "example.cn"));
        assertEquals(1, v.size(), v.toString());
        ConstraintViolation<Applicant> only = v.iterator().next();
        assertEquals("residentId", only.getPropertyPath().toString());
        assertEquals("身份证号码校验位不正确，请检查是否输错了某一位", only.getMessage());
        assertEquals("110105194912310021", only.getInvalidValue());
    }

    @Test
    void aWrongResidentIdIsRejectedWithOurMessageInEnglish() {
        IcpConstraints.setLocale(() -> Locale.US);
        Set<ConstraintViolation<Applicant>> v = validator.validate(new Applicant("110105194912310021", "example.cn"));
        assertEquals(1, v.size(), v.toString());
        assertEquals("The check character does not match; a character is probably mistyped", v.iterator().next().getMessage());
    }

    @Test
    void validValuesAndNullPass() {
        assertTrue(validator.validate(new Applicant("11010519491231002X", "example.cn")).isEmpty());
        assertTrue(validator.validate(new Applicant(null, null)).isEmpty());
        assertTrue(validator.validate(new Contact("北京", "aliyun", "13000100000")).isEmpty());
        assertTrue(validator.validate(new Contact("上海", "aliyun", null)).isEmpty());
    }

    @Test
    void aMobileFromAnotherProvinceIsReportedOnTheMobile() {
        IcpConstraints.setLocale(() -> Locale.ENGLISH);
        Set<ConstraintViolation<Contact>> v = validator.validate(new Contact("上海", "aliyun", "13000100000"));
        assertEquals(1, v.size(), v.toString());
        ConstraintViolation<Contact> only = v.iterator().next();
        assertEquals("mobile", only.getPropertyPath().toString());
        assertEquals("This number belongs to Beijing, not to the entity's province Shanghai", only.getMessage());
        IcpConstraints.setLocale(() -> Locale.CHINA);
        String zh = validator.validate(new Contact("上海", "aliyun", "13000100000")).iterator().next().getMessage();
        assertTrue(zh.contains("北京") && zh.contains("上海"), zh);
    }

    @Test
    void messagesWithBracesAndDollarsSurviveInterpolation() {
        assertEquals("a \\{b\\} \\$\\{c\\} \\\\", Violations.literal("a {b} ${c} \\"));
        IcpConstraints.setLocale(() -> Locale.ENGLISH);
        // Every error of a long junk domain is one violation, each message exactly the module's.
        Applicant a = new Applicant(null, "-bad-.{x}.${y}");
        List<String> got = validator.validate(a).stream().map(ConstraintViolation::getMessage).sorted().toList();
        List<String> want = IcpConstraints.validator().validateField("domain", a.domain, org.icpvalidate.Context.empty(),
                org.icpvalidate.Options.locale("en")).errors().stream().map(org.icpvalidate.Finding::message).sorted().toList();
        assertTrue(!want.isEmpty());
        assertEquals(want, got);
    }
}
