package dev.icpvalidate.spark;

import java.nio.charset.StandardCharsets;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * icp-validate's checks as Spark functions, for SQL and the DataFrame API. Every executor JVM
 * compiles the module once and checks instances out of a pool per call (the JVM library's
 * {@code IcpValidator}); no call goes back to the driver.
 *
 * <pre>{@code
 * IcpFunctions.register(spark);                       // zh-CN, today in China, each filing's provider
 * spark.sql("SELECT icp_check_field('mobile', mobile, to_json(named_struct('province', province)), 'en') FROM people");
 * df.select(IcpFunctions.checkFiling(col("filing")))
 * }</pre>
 *
 * <p>Nulls: a null value is checked as the empty string (what an untouched form field sends, so
 * a required field says it is empty); a null field id gives a null result (nothing was asked); a
 * null context means no context, a null locale or provider the options' own.
 */
public final class IcpFunctions {
    private IcpFunctions() {}

    /** Registers the SQL functions with the CLI's defaults ({@link CheckOptions#defaults()}). */
    public static void register(SparkSession spark) {
        register(spark, CheckOptions.defaults());
    }

    /**
     * Registers {@code icp_check_field(field, value, context, locale)} ({@link Answers#FIELD_RESULT}),
     * {@code icp_is_valid(field, value, context)} (boolean) and
     * {@code icp_check_filing(filing_json, locale, provider)} ({@link Answers#FILING_RESULT}).
     * {@code context} is a JSON object as text (e.g. {@code to_json(named_struct('province', p))}).
     */
    public static void register(SparkSession spark, CheckOptions options) {
        spark.udf().register("icp_check_field", fieldUdf(options), Answers.FIELD_RESULT);
        spark.udf().register("icp_is_valid", isValidUdf(options), DataTypes.BooleanType);
        spark.udf().register("icp_check_filing", filingUdf(options), Answers.FILING_RESULT);
    }

    /** The field check as a column, with the options' locale. */
    public static Column checkField(Column field, Column value, Column context, CheckOptions options) {
        return functions.udf(fieldUdf(options), Answers.FIELD_RESULT)
                .apply(field, value, context, functions.lit(options.locale()));
    }

    /** The verdict alone (the module's fast path: no answer is written). */
    public static Column isValid(Column field, Column value, Column context, CheckOptions options) {
        return functions.udf(isValidUdf(options), DataTypes.BooleanType).apply(field, value, context);
    }

    /** The whole-filing check of a column of filing JSON (text or binary), with the options' locale and provider. */
    public static Column checkFiling(Column filingJson, CheckOptions options) {
        return functions.udf(filingUdf(options), Answers.FILING_RESULT).apply(
                filingJson.cast(DataTypes.BinaryType), functions.lit(options.locale()),
                functions.lit(options.provider()).cast(DataTypes.StringType));
    }

    static UserDefinedFunction fieldFunction(CheckOptions options) {
        return functions.udf(fieldUdf(options), Answers.FIELD_RESULT);
    }

    private static UDF4<String, String, String, String, Row> fieldUdf(CheckOptions options) {
        return (field, value, context, locale) -> {
            if (field == null) return null;
            String answer = Verdicts.shared().field(field, value == null ? "" : value, context,
                    locale == null ? options.locale() : locale, options.today());
            return Answers.fieldRow(answer);
        };
    }

    private static UDF3<String, String, String, Boolean> isValidUdf(CheckOptions options) {
        return (field, value, context) -> field == null ? null
                : Verdicts.shared().isValid(field, value == null ? "" : value, context, options.today());
    }

    private static UDF3<Object, String, String, Row> filingUdf(CheckOptions options) {
        return (json, locale, provider) -> {
            byte[] bytes = json == null ? new byte[0]
                    : json instanceof byte[] b ? b : json.toString().getBytes(StandardCharsets.UTF_8);
            CheckOptions o = new CheckOptions(locale == null ? options.locale() : locale, options.today(),
                    provider == null ? options.provider() : provider);
            return Answers.filingRow(Verdicts.shared().filing(bytes, o));
        };
    }
}
