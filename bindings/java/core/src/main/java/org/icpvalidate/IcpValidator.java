package org.icpvalidate;

import com.dylibso.chicory.runtime.ExportFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The icp-validate verdicts for Chinese ICP filing (ICP备案) forms: fields, whole filings,
 * attachments and APP files, from the same WebAssembly core the browser, Node, Python and Go use,
 * run by Chicory (pure Java, no native library). Every answer is the one the {@code icp-validate}
 * CLI gives for the same input, and each result's {@code json()} is its exact output.
 *
 * <p>Create one and share it: it is thread-safe. It keeps a pool of module instances (each a few
 * MB of memory) and lends one to each call, so threads never wait for each other; an instance is
 * created when every pooled one is busy, and at most {@code maxIdle} are kept.
 *
 * <pre>{@code
 * IcpValidator icp = new IcpValidator();
 * FieldResult r = icp.validateField("resident_id", "11010519491231002X", Context.empty(), Options.locale("en"));
 * if (!r.valid()) System.out.println(r.errors().get(0).message());
 * boolean ok = icp.isValid("mobile", "13800138000", Context.empty().withProvince("北京"));
 * }</pre>
 *
 * <p>Every call takes {@link Options} (locale {@code zh-CN} or {@code en}, the day to check
 * dates against: by default today's date in {@code Asia/Shanghai}). A refused argument (an
 * unknown locale, provider or attachment kind, a context that is not a JSON object) throws
 * {@link IcpValidateException}; a value the rules reject is an answer with findings.
 */
public final class IcpValidator implements AutoCloseable {
    /** The CLI's {@code filing} reads at most this many bytes (4 MiB + 1); more are not looked at. */
    public static final int FILING_READ_LIMIT = 4 * 1024 * 1024 + 1;
    /** An attachment is judged from at most its first 256 KiB. */
    public static final int ATTACHMENT_HEADER_LEN = 256 * 1024;

    private static final int BATCH_CHUNK_BYTES = 256 * 1024;
    private static final int BATCH_CHUNK_LINES = 16_384;
    private static final int SCRATCH_LIMIT = 1024 * 1024;

    private final Engine engine;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<CoreInstance> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Map<String, Integer> locales = new ConcurrentHashMap<>();

    /** The compiled engine, keeping up to one idle instance per processor. */
    public IcpValidator() {
        this(Engine.COMPILED, Runtime.getRuntime().availableProcessors());
    }

    /** {@code engine}, keeping up to one idle instance per processor. */
    public IcpValidator(Engine engine) {
        this(engine, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param engine  how the module runs ({@link Engine#COMPILED} unless comparing)
     * @param maxIdle how many idle instances the pool keeps (at least 1); more are made while
     *                more threads call at once, and dropped when returned beyond this
     */
    public IcpValidator(Engine engine, int maxIdle) {
        this.engine = engine;
        this.maxIdle = Math.max(1, maxIdle);
        release(new CoreInstance(engine)); // fail here, not on the first call, if the module cannot load
    }

    /** The engine this validator runs the module with. */
    public Engine engine() {
        return engine;
    }

    // ---- fields

    /** {@link #validateField(String, String, Context, Options)} without context, in zh-CN, today in China. */
    public FieldResult validateField(String field, String value) {
        return validateField(field, value, Context.empty(), Options.defaults());
    }

    /** {@link #validateField(String, String, Context, Options)} in zh-CN, today in China. */
    public FieldResult validateField(String field, String value, Context context) {
        return validateField(field, value, context, Options.defaults());
    }

    /**
     * One field value, as {@code icp-validate field FIELD VALUE --context CTX --locale L}.
     * An unknown field id is an answer ({@code field.unknown}), not an exception.
     *
     * @param field   a field id from {@link #fields()} ({@code resident_id}, {@code mobile}, {@code domain}, …)
     * @param value   the value as typed
     * @param context what the check may depend on ({@link Context#empty()} for none)
     * @param options locale and today
     */
    public FieldResult validateField(String field, String value, Context context, Options options) {
        byte[] f = utf8(field), v = utf8(value), c = utf8(context.toJson());
        return withInstance(core -> {
            int locale = locale(core, options.locale());
            Inputs in = Inputs.of(core, f, v, c);
            try {
                callChecked(core, core.validateField, in.address(0), f.length, in.address(1), v.length,
                        in.address(2), c.length, locale, options.todayNumber());
                return FieldResult.parse(core.outputText());
            } finally {
                in.free(core);
            }
        });
    }

    /** {@link #isValid(String, String, Context, Options)} without context, today in China. */
    public boolean isValid(String field, String value) {
        return isValid(field, value, Context.empty(), Options.defaults());
    }

    /** {@link #isValid(String, String, Context, Options)}, today in China. */
    public boolean isValid(String field, String value, Context context) {
        return isValid(field, value, context, Options.defaults());
    }

    /**
     * The verdict alone (no wording, no answer to read): the fast path. Only
     * {@link Options#today()} is read from {@code options}.
     */
    public boolean isValid(String field, String value, Context context, Options options) {
        byte[] f = utf8(field), v = utf8(value), c = utf8(context.toJson());
        return withInstance(core -> {
            Inputs in = Inputs.of(core, f, v, c);
            try {
                int status = callChecked(core, core.isValid, in.address(0), f.length, in.address(1), v.length,
                        in.address(2), c.length, options.todayNumber());
                return status == CoreInstance.VALID;
            } finally {
                in.free(core);
            }
        });
    }

    // ---- batch

    /**
     * Batch lines ({@code {"field","value","context"}} each, as {@code icp-validate batch} reads
     * them on stdin): one result line per input line.
     */
    public BatchResult batch(String lines, Options options) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean allValid;
        try {
            allValid = batch(new java.io.ByteArrayInputStream(utf8(lines)), out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return new BatchResult(allValid, out.toString(StandardCharsets.UTF_8));
    }

    /**
     * Streams {@code icp-validate batch}: reads lines from {@code in} until its end and writes
     * the CLI's exact output to {@code out}, answering the lines as they arrive (each complete
     * line read is answered before waiting for more).
     *
     * @return whether every line was valid (the CLI's exit status 0)
     */
    public boolean batch(InputStream in, OutputStream out, Options options) throws IOException {
        byte[] buf = new byte[BATCH_CHUNK_BYTES];
        int filled = 0;
        boolean allValid = true;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                if (filled > 0) {
                    allValid &= batchChunk(buf, 0, filled, out, options);
                }
                out.flush();
                return allValid;
            }
            filled += n;
            // Answer every complete line held, at most BATCH_CHUNK_LINES per call.
            int start = 0, lines = 0, end = -1;
            for (int i = 0; i < filled; i++) {
                if (buf[i] == '\n') {
                    end = i + 1;
                    if (++lines == BATCH_CHUNK_LINES) {
                        allValid &= batchChunk(buf, start, end - start, out, options);
                        start = end;
                        lines = 0;
                    }
                }
            }
            if (end > start) {
                allValid &= batchChunk(buf, start, end - start, out, options);
                start = end;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
            } else if (filled == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2); // one line longer than the buffer
            }
            out.flush();
        }
    }

    private record ChunkAnswer(boolean valid, byte[] output) {
    }

    private boolean batchChunk(byte[] buf, int offset, int len, OutputStream out, Options options) throws IOException {
        ChunkAnswer answer = withInstance(core -> {
            int locale = locale(core, options.locale());
            int address = scratchOrAlloc(core, len);
            try {
                core.write(address, buf, offset, len);
                int status = callChecked(core, core.batch, address, len, locale, options.todayNumber());
                return new ChunkAnswer(status == CoreInstance.VALID, core.output());
            } finally {
                freeIfAllocated(core, address, len);
            }
        });
        out.write(answer.output());
        return answer.valid();
    }

    // ---- filings

    /** {@link #validateFiling(String, Options)} in zh-CN, today in China, the filing's provider. */
    public FilingReport validateFiling(String json) {
        return validateFiling(json, Options.defaults());
    }

    /**
     * A whole filing (the filing JSON object, {@code docs/filing.schema.json}), as
     * {@code icp-validate filing FILE --today T --locale L [--provider P]}. JSON that is not a
     * filing is an answer with {@code filing.malformed}.
     */
    public FilingReport validateFiling(String json, Options options) {
        return validateFiling(utf8(json), options);
    }

    /**
     * A filing from its bytes (UTF-8 JSON); only the first {@link #FILING_READ_LIMIT} bytes are
     * looked at, as the CLI reads.
     */
    public FilingReport validateFiling(byte[] json, Options options) {
        int len = Math.min(json.length, FILING_READ_LIMIT);
        byte[] provider = options.provider() == null ? new byte[0] : utf8(options.provider());
        return withInstance(core -> {
            int locale = locale(core, options.locale());
            int address = scratchOrAlloc(core, len + provider.length);
            try {
                core.write(address, json, 0, len);
                core.write(address + len, provider);
                callChecked(core, core.validateFiling, address, len, address + len, provider.length, locale,
                        options.todayNumber());
                return FilingReport.parse(core.outputText());
            } finally {
                freeIfAllocated(core, address, len + provider.length);
            }
        });
    }

    // ---- attachments

    /**
     * An attachment judged from its first bytes and whole size, as {@code icp-validate attachment}.
     *
     * @param kind   {@code entity_certificate}, {@code person_certificate}, {@code verification_photo},
     *               {@code app_icon}, {@code domain_certificate}, {@code authenticity_form} or {@code other}
     * @param header the file's first bytes (only the first {@link #ATTACHMENT_HEADER_LEN} are read)
     * @param size   the whole file's size in bytes
     */
    public AttachmentResult checkAttachment(String kind, byte[] header, long size, Context context, Options options) {
        byte[] k = utf8(kind), c = utf8(context.toJson());
        int headerLen = Math.min(header.length, ATTACHMENT_HEADER_LEN);
        byte[] h = headerLen == header.length ? header : java.util.Arrays.copyOf(header, headerLen);
        return withInstance(core -> {
            int locale = locale(core, options.locale());
            Inputs in = Inputs.of(core, k, h, c);
            try {
                callChecked(core, core.checkAttachment, in.address(0), k.length, in.address(1), h.length, size,
                        in.address(2), c.length, locale, options.todayNumber());
                return AttachmentResult.parse(core.outputText());
            } finally {
                in.free(core);
            }
        });
    }

    /** An attachment file: its first 256 KiB and its size are read. */
    public AttachmentResult checkAttachment(String kind, Path file, Context context, Options options) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = ByteBuffer.allocate((int) Math.min(size, ATTACHMENT_HEADER_LEN));
            while (header.hasRemaining() && ch.read(header) >= 0) {
                // read until the header is full or the file ends
            }
            return checkAttachment(kind, java.util.Arrays.copyOf(header.array(), header.position()), size, context, options);
        }
    }

    // ---- APP files

    /** {@link #readAppFile(Path, Options)} in zh-CN, today in China. */
    public AppFileInfo readAppFile(Path file) throws IOException {
        return readAppFile(file, Options.defaults());
    }

    /**
     * What an APP file (APK, IPA, HAP/APP, provisioning profile, certificate) says, as
     * {@code icp-validate app-info}. The file is never read whole: the module asks for the byte
     * ranges it needs, a few hundred KB of even a large APK (docs/ABI.md, the round protocol).
     */
    public AppFileInfo readAppFile(Path file, Options options) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readApp(ch.size(), (offset, len) -> {
                ByteBuffer b = ByteBuffer.allocate(len);
                while (b.hasRemaining()) {
                    if (ch.read(b, offset + b.position()) < 0) {
                        return null;
                    }
                }
                return b.array();
            }, options);
        }
    }

    /** An APP file held in memory. */
    public AppFileInfo readAppFile(byte[] file, Options options) {
        try {
            return readApp(file.length, (offset, len) -> offset + len > file.length ? null
                    : java.util.Arrays.copyOfRange(file, (int) offset, (int) offset + len), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reads from memory do not fail
        }
    }

    /** An APP file from a stream, which is read to its end first (a stream cannot be read by ranges). */
    public AppFileInfo readAppFile(InputStream file, Options options) throws IOException {
        return readAppFile(file.readAllBytes(), options);
    }

    private interface RangeReader {
        /** The {@code len} bytes at {@code offset}, or {@code null} when they cannot be read. */
        byte[] read(long offset, int len) throws IOException;
    }

    private AppFileInfo readApp(long size, RangeReader file, Options options) throws IOException {
        CoreInstance core = borrow();
        boolean healthy = false;
        try {
            int locale = locale(core, options.locale());
            int today = options.todayNumber();
            check(core, CoreInstance.call(core.appBegin, size));
            int failed = 0;
            while (true) {
                int status = callChecked(core, core.appRun, failed, locale, today);
                if (status != CoreInstance.NEED_RANGES) {
                    AppFileInfo info = AppFileInfo.parse(core.outputText());
                    healthy = true;
                    return info;
                }
                for (Object range : Json.list(Json.parseObject(core.outputText()), "need")) {
                    List<?> r = (List<?>) range;
                    long offset = ((Number) r.get(0)).longValue();
                    int len = ((Number) r.get(1)).intValue();
                    byte[] bytes;
                    try {
                        bytes = file.read(offset, len);
                    } catch (IOException e) {
                        bytes = null;
                    }
                    if (bytes == null) {
                        failed = 1;
                        break;
                    }
                    int address = scratchOrAlloc(core, len);
                    try {
                        core.write(address, bytes);
                        check(core, CoreInstance.call(core.appAdd, offset, address, len));
                    } finally {
                        freeIfAllocated(core, address, len);
                    }
                }
            }
        } catch (IcpValidateException e) {
            core.appEnd.apply();
            healthy = true;
            throw e;
        } finally {
            if (healthy) {
                release(core);
            }
        }
    }

    private static void check(CoreInstance core, int status) {
        if (status == CoreInstance.ERROR) {
            throw core.error();
        }
    }

    /** Calls an export and turns its error status into the typed error it wrote. */
    private static int callChecked(CoreInstance core, ExportFunction export, long... args) {
        int status = CoreInstance.call(export, args);
        check(core, status);
        return status;
    }

    // ---- lists

    /** The fields the module checks, labels in zh-CN. */
    public List<FieldInfo> fields() {
        return fields(Options.defaults());
    }

    /** The fields the module checks, labels in {@code options}' locale, as {@code icp-validate fields}. */
    public List<FieldInfo> fields(Options options) {
        return FieldInfo.listOf(fieldsJson(options));
    }

    /** {@code icp-validate fields --locale L}'s exact output. */
    public String fieldsJson(Options options) {
        return withInstance(core -> {
            CoreInstance.call(core.fields, locale(core, options.locale()));
            return core.outputText();
        });
    }

    /** {@code icp-validate catalog}'s exact output: every code, term, province and provider in both locales. */
    public String catalog() {
        return withInstance(core -> {
            CoreInstance.call(core.catalog);
            return core.outputText();
        });
    }

    /** The versions of the loaded module. */
    public Version version() {
        return withInstance(core -> {
            CoreInstance.call(core.version);
            return Version.parse(core.outputText());
        });
    }

    /** Drops the idle instances; calls after this still work (they create instances again). */
    @Override
    public void close() {
        CoreInstance c;
        while ((c = idle.poll()) != null) {
            idleCount.decrementAndGet();
        }
    }

    // ---- the pool

    private interface Call<T> {
        T run(CoreInstance core);
    }

    /**
     * Runs {@code call} on an instance of the pool. A trap (a bug, or memory the JVM cannot
     * give) leaves the instance unusable: it is dropped, not returned (docs/ABI.md).
     */
    private <T> T withInstance(Call<T> call) {
        CoreInstance core = borrow();
        boolean healthy = false;
        try {
            T result;
            try {
                result = call.run(core);
            } catch (IcpValidateException e) {
                healthy = true;
                throw e;
            }
            healthy = true;
            return result;
        } catch (com.dylibso.chicory.wasm.ChicoryException e) {
            throw new IllegalStateException("icp-validate core: the module trapped (" + e.getMessage() + "); the instance was dropped", e);
        } finally {
            if (healthy) {
                release(core);
            }
        }
    }

    private CoreInstance borrow() {
        CoreInstance core = idle.pollFirst();
        if (core != null) {
            idleCount.decrementAndGet();
            return core;
        }
        return new CoreInstance(engine);
    }

    private void release(CoreInstance core) {
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.offerFirst(core);
        } else {
            idleCount.decrementAndGet();
        }
    }

    private int locale(CoreInstance core, String tag) {
        Integer id = locales.get(tag);
        if (id != null) {
            return id;
        }
        byte[] t = utf8(tag);
        int address = core.scratch(Math.max(t.length, 1));
        core.write(address, t);
        callChecked(core, core.locale, address, t.length);
        int resolved = ((Number) Json.parseObject(core.outputText()).get("locale")).intValue();
        locales.put(tag, resolved);
        return resolved;
    }

    /** Small inputs go to the scratch buffer; larger ones to a buffer of their own, freed after. */
    private static int scratchOrAlloc(CoreInstance core, int len) {
        if (len <= SCRATCH_LIMIT) {
            return core.scratch(Math.max(len, 1));
        }
        int address = CoreInstance.call(core.alloc, len);
        if (address == 0) {
            throw new IcpValidateException("too_large", "the module could not allocate " + len + " bytes");
        }
        return address;
    }

    private static void freeIfAllocated(CoreInstance core, int address, int len) {
        if (len > SCRATCH_LIMIT) {
            core.free.apply(address, len);
        }
    }

    /** Up to three inputs laid end to end in one buffer. */
    private static final class Inputs {
        private final int base, total;
        private final int[] offsets;

        private Inputs(int base, int total, int[] offsets) {
            this.base = base;
            this.total = total;
            this.offsets = offsets;
        }

        static Inputs of(CoreInstance core, byte[]... parts) {
            int total = 0;
            int[] offsets = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                offsets[i] = total;
                total += parts[i].length;
            }
            int base = scratchOrAlloc(core, total);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].length > 0) {
                    core.write(base + offsets[i], parts[i]);
                }
            }
            return new Inputs(base, total, offsets);
        }

        long address(int i) {
            return base + offsets[i];
        }

        void free(CoreInstance core) {
            freeIfAllocated(core, base, total);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
