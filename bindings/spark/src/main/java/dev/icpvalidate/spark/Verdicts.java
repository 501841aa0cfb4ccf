package dev.icpvalidate.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * The core module (docs/ABI.md) in this JVM: parsed and compiled to JVM bytecode once per JVM
 * (one per executor), instances in a pool checked out per call, so tasks running side by side
 * never share one and no row waits on a lock.
 */
final class Verdicts {
    /** The ABI's cap on one {@code icp_batch} chunk. */
    static final int MAX_CHUNK_BYTES = 16 * 1024 * 1024;

    private static volatile Verdicts shared;

    private final WasmModule module;
    private final Function<Instance, Machine> machine;
    private final ConcurrentLinkedQueue<Core> pool = new ConcurrentLinkedQueue<>();

    private Verdicts(byte[] wasm) {
        module = Parser.parse(wasm);
        machine = MachineFactoryCompiler.compile(module);
        Core first = new Core();
        int abi = (int) first.fn("icp_abi_version").apply()[0];
        if (abi != 1) throw new IllegalStateException("the core module speaks ABI " + abi + ", this host ABI 1");
        pool.add(first);
    }

    /** This JVM's module, compiled on first use. */
    static Verdicts shared() {
        Verdicts v = shared;
        if (v == null) {
            synchronized (Verdicts.class) {
                v = shared;
                if (v == null) shared = v = new Verdicts(readWasm());
            }
        }
        return v;
    }

    private static byte[] readWasm() {
        try (InputStream in = Verdicts.class.getResourceAsStream("icp_validate_core.wasm")) {
            if (in == null) throw new IllegalStateException("icp_validate_core.wasm is not in the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails early, on the driver, on a locale or provider the module refuses. */
    static void checkOptions(CheckOptions o) {
        Verdicts v = shared();
        Core c = v.take();
        try {
            c.locale(o.locale());
            if (o.provider() != null) {
                c.filing(new byte[0], o.provider(), 0, today(o.today()));
            }
        } finally {
            v.pool.add(c);
        }
    }

    private Core take() {
        Core c = pool.poll();
        return c != null ? c : new Core();
    }

    /** The ABI's cap on a filing: the module looks at no more (as the CLI reads no more). */
    static final int MAX_FILING_BYTES = 4 * 1024 * 1024 + 1;

    /**
     * What the CLI's {@code batch} prints for the lines of {@code chunk}. A chunk is at most
     * {@link #MAX_CHUNK_BYTES} unless it is one longer line: see {@link #longLine}.
     */
    byte[] batch(byte[] chunk, CheckOptions o) {
        Core c = take();
        try {
            int locale = c.locale(o.locale());
            if (chunk.length > MAX_CHUNK_BYTES) return longLine(c, chunk, locale, today(o.today()));
            return c.batch(chunk, locale, today(o.today()));
        } finally {
            pool.add(c);
        }
    }

    /**
     * One line beyond the module's chunk cap (16 MiB). A request (field, value, context) is
     * answered by the field call the CLI's batch makes for it; the module reads only the value's
     * first 64 KiB, so the answer is the CLI's. Anything else is not a request: it is answered
     * from its first 16 MiB, where the JSON reader finds what is wrong with it.
     */
    private static byte[] longLine(Core c, byte[] line, int locale, int today) {
        try {
            com.fasterxml.jackson.databind.JsonNode req = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            com.fasterxml.jackson.databind.JsonNode ctx = req.path("context");
            if (req.isObject() && req.path("field").isTextual() && req.path("value").isTextual()
                    && (ctx.isMissingNode() || ctx.isNull() || ctx.isObject())) {
                return c.call("icp_validate_field", locale, today, bytes(req.get("field").asText()),
                        bytes(req.get("value").asText()), ctx.isObject() ? bytes(ctx.toString()) : new byte[0]);
            }
        } catch (IOException | RuntimeException notARequest) {
            // answered below, as the module reads its beginning
        }
        byte[] head = java.util.Arrays.copyOf(line, MAX_CHUNK_BYTES - 1);
        head[head.length - 1] = '\n';
        return c.batch(head, locale, today);
    }

    /** What {@code icp-validate field} prints (one line and a newline). */
    String field(String field, String value, String context, String locale, LocalDate today) {
        Core c = take();
        try {
            return c.utf8(c.call("icp_validate_field", c.locale(locale), today(today),
                    bytes(field), bytes(value), bytes(context)));
        } finally {
            pool.add(c);
        }
    }

    boolean isValid(String field, String value, String context, LocalDate today) {
        Core c = take();
        try {
            return c.isValid(bytes(field), bytes(value), bytes(context), today(today));
        } finally {
            pool.add(c);
        }
    }

    /** What {@code icp-validate filing} prints: the pretty report and a newline. */
    String filing(byte[] json, CheckOptions o) {
        Core c = take();
        try {
            byte[] looked = json.length > MAX_FILING_BYTES ? java.util.Arrays.copyOf(json, MAX_FILING_BYTES) : json;
            return c.utf8(c.filing(looked, o.provider(), c.locale(o.locale()), today(o.today())));
        } finally {
            pool.add(c);
        }
    }

    static int today(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    /** One instance: single-threaded, used by one call at a time. */
    private final class Core {
        private final Instance instance = Instance.builder(module).withMachineFactory(machine).build();
        private final Memory memory = instance.memory();
        private final Map<String, ExportFunction> fns = new ConcurrentHashMap<>();
        private final Map<String, Integer> locales = new ConcurrentHashMap<>();
        private final int reply = (int) fn("icp_reply").apply()[0];
        private int scratch;
        private int capacity;

        ExportFunction fn(String name) {
            return fns.computeIfAbsent(name, instance::export);
        }

        /** The scratch buffer with room for {@code len} bytes. */
        private int scratch(int len) {
            if (len > capacity || scratch == 0) {
                int want = Math.max(len, 4096);
                int p = (int) fn("icp_scratch").apply(want)[0];
                if (p == 0) throw new OutOfMemoryError("the module's memory cannot hold " + len + " bytes");
                scratch = p;
                capacity = want;
            }
            return scratch;
        }

        /** Writes the inputs one after another into the scratch; returns {ptr, len} pairs. */
        private long[] place(byte[]... inputs) {
            int total = 0;
            for (byte[] b : inputs) total += b.length;
            int at = scratch(total);
            long[] ranges = new long[inputs.length * 2];
            for (int i = 0; i < inputs.length; i++) {
                memory.write(at, inputs[i]);
                ranges[2 * i] = at;
                ranges[2 * i + 1] = inputs[i].length;
                at += inputs[i].length;
            }
            return ranges;
        }

        private byte[] output() {
            int ptr = memory.readInt(reply);
            int len = memory.readInt(reply + 4);
            return memory.readBytes(ptr, len);
        }

        private byte[] answer(int status) {
            byte[] out = output();
            if (status == 3) throw new IllegalArgumentException(utf8(out).strip());
            return out;
        }

        String utf8(byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }

        int locale(String tag) {
            Integer id = locales.get(tag);
            if (id == null) {
                long[] r = place(bytes(tag));
                int status = (int) fn("icp_locale").apply(r[0], r[1])[0];
                String out = utf8(answer(status));
                id = Integer.parseInt(out.replaceAll("(?s).*\"locale\":(\\d+).*", "$1"));
                locales.put(tag, id);
            }
            return id;
        }

        byte[] call(String name, int locale, int today, byte[] a, byte[] b, byte[] c) {
            long[] r = place(a, b, c);
            int status = (int) fn(name).apply(r[0], r[1], r[2], r[3], r[4], r[5], locale, today)[0];
            return answer(status);
        }

        boolean isValid(byte[] field, byte[] value, byte[] context, int today) {
            long[] r = place(field, value, context);
            int status = (int) fn("icp_is_valid").apply(r[0], r[1], r[2], r[3], r[4], r[5], today)[0];
            if (status == 3) answer(status);
            return status == 0;
        }

        byte[] batch(byte[] chunk, int locale, int today) {
            long[] r = place(chunk);
            return answer((int) fn("icp_batch").apply(r[0], r[1], locale, today)[0]);
        }

        byte[] filing(byte[] json, String provider, int locale, int today) {
            long[] r = place(json, bytes(provider));
            return answer((int) fn("icp_validate_filing").apply(r[0], r[1], r[2], r[3], locale, today)[0]);
        }
    }
}
