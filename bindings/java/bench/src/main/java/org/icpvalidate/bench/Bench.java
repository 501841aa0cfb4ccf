package org.icpvalidate.bench;

import cn.hutool.core.util.IdcardUtil;
import cn.hutool.core.util.PhoneUtil;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icpvalidate.BenchJson;
import org.icpvalidate.Context;
import org.icpvalidate.Engine;
import org.icpvalidate.IcpValidator;
import org.icpvalidate.Options;

/**
 * ns per call over the inputs the native harness uses (examples/bench_native.rs --dump), as one
 * JSON object on stdout, in the shape of bench_native's. Modes:
 *   per-call INPUTS compiled|interpreter   isValid / validateField / filings (+ hutool, crossing)
 *   startup compiled|interpreter           new IcpValidator() and the first calls, in a fresh JVM
 *   memory INPUTS                          heap and RSS over 1M calls
 * BENCH_SECS (default 1): measuring time per set; the figure is the median of 5 rounds.
 */
public final class Bench {
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "per-call" -> perCall(Path.of(args[1]), Engine.valueOf(args[2].toUpperCase()));
            case "startup" -> startup(Engine.valueOf(args[1].toUpperCase()));
            case "memory" -> memory(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    record FieldSet(String name, String field, List<String> values, List<Context> contexts) {
    }

    record Filing(String name, String json, Options options) {
    }

    @SuppressWarnings("unchecked")
    static List<FieldSet> fieldSets(Map<String, Object> dump) {
        List<FieldSet> out = new ArrayList<>();
        for (Object o : (List<Object>) dump.get("fields")) {
            Map<String, Object> s = (Map<String, Object>) o;
            List<Context> contexts = new ArrayList<>();
            for (Object c : (List<Object>) s.get("contexts")) {
                contexts.add(Context.fromJson(BenchJson.write(c)));
            }
            out.add(new FieldSet((String) s.get("name"), (String) s.get("field"), (List<String>) (List<?>) s.get("values"), contexts));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Filing> filings(Map<String, Object> dump) {
        List<Filing> out = new ArrayList<>();
        for (Object o : (List<Object>) dump.get("filings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            Map<String, Object> opts = (Map<String, Object>) f.get("options");
            Options options = Options.locale("zh-CN").withToday(LocalDate.parse((String) opts.get("today")))
                    .withProvider((String) opts.get("provider"));
            out.add(new Filing((String) f.get("name"), BenchJson.write(f.get("filing")), options));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path inputs) throws Exception {
        return (Map<String, Object>) BenchJson.parse(Files.readString(inputs));
    }

    static double secs() {
        String s = System.getenv("BENCH_SECS");
        return s == null ? 1.0 : Double.parseDouble(s);
    }

    /** Median ns per item over 5 rounds; each round runs the whole set as often as fits (as bench_native). */
    static double measure(int items, Runnable runAll) {
        double secs = secs();
        long warm = System.nanoTime();
        long passes = 0;
        while (System.nanoTime() - warm < secs / 5 * 1e9 || passes == 0) {
            runAll.run();
            passes++;
        }
        double perPass = (System.nanoTime() - warm) / 1e9 / passes;
        long reps = Math.max(1, (long) (secs / 5 / perPass));
        double[] rounds = new double[5];
        for (int r = 0; r < 5; r++) {
            long t = System.nanoTime();
            for (long i = 0; i < reps; i++) {
                runAll.run();
            }
            rounds[r] = (System.nanoTime() - t) / (double) (reps * items);
        }
        Arrays.sort(rounds);
        return rounds[2];
    }

    static void perCall(Path inputs, Engine engine) throws Exception {
        Map<String, Object> dump = load(inputs);
        Map<String, Object> results = new LinkedHashMap<>();
        try (IcpValidator icp = new IcpValidator(engine, 1)) {
            Options zh = Options.locale("zh-CN");
            // The generated classes are large (1.2 MB of bytecode): let the JIT compile the hot
            // paths before any figure is taken. WARM_SECS (default 30) of every kind of call.
            double warmSecs = System.getenv("WARM_SECS") == null ? 30 : Double.parseDouble(System.getenv("WARM_SECS"));
            long warmStart = System.nanoTime();
            List<FieldSet> sets = fieldSets(dump);
            List<Filing> allFilings = filings(dump);
            while (System.nanoTime() - warmStart < warmSecs * 1e9) {
                for (FieldSet s : sets) {
                    for (int i = 0; i < s.values().size(); i++) {
                        sink = icp.validateField(s.field(), s.values().get(i), s.contexts().get(i), zh);
                        sink = icp.isValid(s.field(), s.values().get(i), s.contexts().get(i), zh);
                        if (s.field().equals("resident_id")) {
                            sink = IdcardUtil.isValidCard(s.values().get(i));
                        }
                        if (s.field().equals("mobile")) {
                            sink = PhoneUtil.isMobile(s.values().get(i));
                        }
                    }
                }
                for (Filing f : allFilings) {
                    sink = icp.validateFiling(f.json(), f.options());
                }
            }
            results.put("warm_s", (System.nanoTime() - warmStart) / 1e9);
            for (FieldSet s : sets) {
                int n = s.values().size();
                results.put(s.name(), measure(n, () -> {
                    for (int i = 0; i < n; i++) {
                        sink = icp.validateField(s.field(), s.values().get(i), s.contexts().get(i), zh);
                    }
                }));
                results.put("is_valid:" + s.name(), measure(n, () -> {
                    for (int i = 0; i < n; i++) {
                        sink = icp.isValid(s.field(), s.values().get(i), s.contexts().get(i), zh);
                    }
                }));
                if (engine == Engine.COMPILED && s.field().equals("resident_id")) {
                    results.put("hutool:" + s.name(), measure(n, () -> {
                        for (int i = 0; i < n; i++) {
                            sink = IdcardUtil.isValidCard(s.values().get(i));
                        }
                    }));
                    crossing(s, results);
                }
                if (engine == Engine.COMPILED && s.field().equals("mobile")) {
                    results.put("hutool:" + s.name(), measure(n, () -> {
                        for (int i = 0; i < n; i++) {
                            sink = PhoneUtil.isMobile(s.values().get(i));
                        }
                    }));
                }
            }
            for (Filing f : filings(dump)) {
                results.put("filing:" + f.name(), measure(1, () -> sink = icp.validateFiling(f.json(), f.options())));
                byte[] bytes = f.json().getBytes(StandardCharsets.UTF_8);
                results.put("filing_raw:" + f.name(), measure(1, () -> sink = icp.validateFiling(bytes, f.options()).json()));
            }
        }
        System.out.println(BenchJson.write(results));
    }

    /**
     * Where an isValid call's time goes: an empty export call (crossing alone), icp_is_valid on
     * inputs already in the module's memory (crossing + rule), and the API's isValid (+ UTF-8
     * encoding, the context, the pool).
     */
    static void crossing(FieldSet s, Map<String, Object> results) {
        Instance inst = Instance.builder(org.icpvalidate.internal.CoreModule.load())
                .withMachineFactory(org.icpvalidate.internal.CoreModule::create).withMemoryFactory(ByteArrayMemory::new).build();
        ExportFunction abi = inst.export("icp_abi_version");
        ExportFunction isValid = inst.export("icp_is_valid");
        int scratch = (int) inst.export("icp_scratch").apply(1 << 20)[0];
        int n = s.values().size();
        long[][] args = new long[n][];
        int at = scratch;
        byte[] field = s.field().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            byte[] v = s.values().get(i).getBytes(StandardCharsets.UTF_8);
            byte[] c = s.contexts().get(i).toJson().getBytes(StandardCharsets.UTF_8);
            inst.memory().write(at, field);
            inst.memory().write(at + field.length, v);
            inst.memory().write(at + field.length + v.length, c);
            args[i] = new long[] {at, field.length, at + field.length, v.length, at + field.length + v.length, c.length, 20261130};
            at += field.length + v.length + c.length;
        }
        results.put("crossing:empty_call", measure(n, () -> {
            for (int i = 0; i < n; i++) {
                sink = abi.apply();
            }
        }));
        results.put("crossing:icp_is_valid:" + s.name(), measure(n, () -> {
            for (int i = 0; i < n; i++) {
                sink = isValid.apply(args[i]);
            }
        }));
    }

    static void startup(Engine engine) {
        long t0 = System.nanoTime();
        IcpValidator icp = new IcpValidator(engine, 1);
        long t1 = System.nanoTime();
        boolean ok = icp.isValid("resident_id", "11010519491231002X");
        long t2 = System.nanoTime();
        sink = icp.validateField("mobile", "13800138000", Context.empty(), Options.locale("en"));
        long t3 = System.nanoTime();
        long t4 = System.nanoTime();
        new IcpValidator(engine, 1).isValid("resident_id", "11010519491231002X"); // a second instance, classes loaded
        long t5 = System.nanoTime();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("new_ms", (t1 - t0) / 1e6);
        r.put("first_is_valid_ms", (t2 - t1) / 1e6);
        r.put("first_validate_field_ms", (t3 - t2) / 1e6);
        r.put("second_new_and_call_ms", (t5 - t4) / 1e6);
        r.put("jvm_uptime_before_new_ms", ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - t0) / 1e6);
        r.put("ok", ok);
        System.out.println(BenchJson.write(r));
    }

    static void memory(Path inputs) throws Exception {
        Map<String, Object> dump = load(inputs);
        List<FieldSet> sets = fieldSets(dump);
        Map<String, Object> r = new LinkedHashMap<>();
        try (IcpValidator icp = new IcpValidator(Engine.COMPILED, 1)) {
            icp.isValid("mobile", "13800138000");
            r.put("before", snapshot());
            Options zh = Options.locale("zh-CN");
            long t = System.nanoTime();
            int calls = 0;
            outer:
            while (true) {
                for (FieldSet s : sets) {
                    for (int i = 0; i < s.values().size(); i++) {
                        sink = icp.isValid(s.field(), s.values().get(i), s.contexts().get(i), zh);
                        if (++calls == 1_000_000) {
                            break outer;
                        }
                    }
                }
            }
            r.put("is_valid_1M_s", (System.nanoTime() - t) / 1e9);
            r.put("after_1M_is_valid", snapshot());
            t = System.nanoTime();
            calls = 0;
            outer2:
            while (true) {
                for (FieldSet s : sets) {
                    for (int i = 0; i < s.values().size(); i++) {
                        sink = icp.validateField(s.field(), s.values().get(i), s.contexts().get(i), zh);
                        if (++calls == 1_000_000) {
                            break outer2;
                        }
                    }
                }
            }
            r.put("validate_field_1M_s", (System.nanoTime() - t) / 1e9);
            r.put("after_1M_validate_field", snapshot());
        }
        System.out.println(BenchJson.write(r));
    }

    static Map<String, Object> snapshot() throws Exception {
        System.gc();
        Thread.sleep(200);
        System.gc();
        Map<String, Object> m = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        m.put("heap_used_mb", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] p = line.split("\\s+");
                m.put(p[0].replace(":", "").toLowerCase() + "_mb", Long.parseLong(p[1]) / 1024.0);
            }
        }
        return m;
    }
}
