package dev.icpvalidate.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.icpvalidate.Context;
import org.icpvalidate.FieldResult;
import org.icpvalidate.FilingReport;
import org.icpvalidate.IcpValidateException;
import org.icpvalidate.IcpValidator;
import org.icpvalidate.Options;

/**
 * This JVM's verdicts: one {@link IcpValidator} per JVM (one per executor), so the module is
 * loaded once and every task borrows an instance from its pool per call; tasks running side by
 * side never share an instance and no row waits on a lock or on the driver.
 */
final class Verdicts {
    /** The ABI's cap on one batch chunk (docs/ABI.md). */
    static final int MAX_CHUNK_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Verdicts shared;

    private final IcpValidator icp = new IcpValidator();

    private Verdicts() {}

    /** This JVM's validator, created on first use. */
    static Verdicts shared() {
        Verdicts v = shared;
        if (v == null) {
            synchronized (Verdicts.class) {
                v = shared;
                if (v == null) shared = v = new Verdicts();
            }
        }
        return v;
    }

    static Options options(CheckOptions o) {
        return new Options(o.locale(), o.today(), o.provider());
    }

    /** Fails early, on the driver, on a locale or provider the module refuses. */
    static void checkOptions(CheckOptions o) {
        Verdicts v = shared();
        v.icp.validateField("province", "", Context.empty(), options(o));
        if (o.provider() != null) v.icp.validateFiling(new byte[0], options(o));
    }

    /**
     * What the CLI's {@code batch} prints for the lines of {@code chunk}. A chunk is at most
     * {@link #MAX_CHUNK_BYTES} unless it is one longer line: see {@link #longLine}.
     */
    byte[] batch(byte[] chunk, CheckOptions o) {
        if (chunk.length > MAX_CHUNK_BYTES) return longLine(chunk, options(o));
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length / 2 + 256);
        try {
            icp.batch(new ByteArrayInputStream(chunk), out, options(o));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    /**
     * One line beyond the module's chunk cap. A request (field, value, context) is answered by
     * the field check the CLI's batch makes of it (the module reads only a value's first 64 KiB,
     * so the answer is the CLI's); anything else is not a request and is answered from its first
     * 16 MiB, where the JSON reader finds what is wrong with it.
     */
    private byte[] longLine(byte[] line, Options o) {
        try {
            JsonNode req = JSON.readTree(line);
            JsonNode ctx = req.path("context");
            if (req.isObject() && req.path("field").isTextual() && req.path("value").isTextual()
                    && (ctx.isMissingNode() || ctx.isNull() || ctx.isObject())) {
                Context c = ctx.isObject() ? Context.fromJson(ctx.toString()) : Context.empty();
                return icp.validateField(req.get("field").asText(), req.get("value").asText(), c, o).json()
                        .getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException notARequest) {
            // answered below, from the line's beginning
        }
        byte[] head = Arrays.copyOf(line, MAX_CHUNK_BYTES - 1);
        head[head.length - 1] = '\n';
        return batch(head, new CheckOptions(o.locale(), o.today(), o.provider()));
    }

    /**
     * What {@code icp-validate field} prints. A context that is not a JSON object gets the
     * answer the CLI's batch gives such a line ({@code input.malformed}), not an exception, so
     * one bad row never stops a job.
     */
    String field(String field, String value, String context, String locale, java.time.LocalDate today) {
        Options o = new Options(locale, today, null);
        Context c = context == null || context.isEmpty() ? Context.empty() : Context.fromJson(context);
        try {
            return icp.validateField(field, value, c, o).json();
        } catch (IcpValidateException e) {
            if (!"bad_context".equals(e.kind())) throw e;
            return new String(batch(requestLine(field, value, context), new CheckOptions(locale, today, null)),
                    StandardCharsets.UTF_8);
        }
    }

    /** A batch line with the context's text as it is. */
    private static byte[] requestLine(String field, String value, String context) {
        ObjectNode head = JSON.createObjectNode().put("field", field).put("value", value);
        String text = head.toString();
        return (text.substring(0, text.length() - 1) + ",\"context\":" + context + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The verdict alone; a context that is not a JSON object is not valid (as its answer says). */
    boolean isValid(String field, String value, String context, java.time.LocalDate today) {
        Context c = context == null || context.isEmpty() ? Context.empty() : Context.fromJson(context);
        try {
            return icp.isValid(field, value, c, new Options("zh-CN", today, null));
        } catch (IcpValidateException e) {
            if (!"bad_context".equals(e.kind())) throw e;
            return false;
        }
    }

    /** A whole filing, as {@code icp-validate filing} (at most the first 4 MiB + 1 bytes are read). */
    FilingReport filing(byte[] json, CheckOptions o) {
        return icp.validateFiling(json, options(o));
    }

    FieldResult fieldResult(String field, String value, CheckOptions o) {
        return icp.validateField(field, value, Context.empty(), options(o));
    }
}
