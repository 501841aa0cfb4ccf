package org.icpvalidate;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.charset.StandardCharsets;

/**
 * One instance of the core module (docs/ABI.md): its memory, scratch buffer and reply block.
 * Single-threaded: the pool hands it to one caller at a time.
 */
final class CoreInstance {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int NEED_RANGES = 2;
    static final int ERROR = 3;

    private final Instance instance;
    private final Memory memory;
    private final int reply;
    private int scratch;
    private int scratchCapacity;

    final ExportFunction alloc;
    final ExportFunction free;
    final ExportFunction scratchFn;
    final ExportFunction version;
    final ExportFunction locale;
    final ExportFunction validateField;
    final ExportFunction isValid;
    final ExportFunction batch;
    final ExportFunction fields;
    final ExportFunction catalog;
    final ExportFunction validateFiling;
    final ExportFunction checkAttachment;
    final ExportFunction appBegin;
    final ExportFunction appAdd;
    final ExportFunction appRun;
    final ExportFunction appEnd;

    CoreInstance(Engine engine) {
        WasmModule module = engine.module();
        Instance.Builder builder = Instance.builder(module).withMemoryFactory(ByteArrayMemory::new);
        if (engine == Engine.COMPILED) {
            builder.withMachineFactory(org.icpvalidate.internal.CoreModule::create);
        }
        this.instance = builder.build();
        this.memory = instance.memory();
        long abi = instance.export("icp_abi_version").apply()[0];
        if (abi != 1) {
            throw new IllegalStateException("icp-validate core: ABI version " + abi + ", this library speaks 1");
        }
        alloc = instance.export("icp_alloc");
        free = instance.export("icp_free");
        scratchFn = instance.export("icp_scratch");
        version = instance.export("icp_version");
        locale = instance.export("icp_locale");
        validateField = instance.export("icp_validate_field");
        isValid = instance.export("icp_is_valid");
        batch = instance.export("icp_batch");
        fields = instance.export("icp_fields");
        catalog = instance.export("icp_catalog");
        validateFiling = instance.export("icp_validate_filing");
        checkAttachment = instance.export("icp_check_attachment");
        appBegin = instance.export("icp_app_begin");
        appAdd = instance.export("icp_app_add");
        appRun = instance.export("icp_app_run");
        appEnd = instance.export("icp_app_end");
        reply = (int) instance.export("icp_reply").apply()[0];
        scratchCapacity = 4096;
        scratch = (int) scratchFn.apply(scratchCapacity)[0];
    }

    /** The scratch buffer's address, grown to hold at least {@code len} bytes. */
    int scratch(int len) {
        if (len > scratchCapacity) {
            int address = (int) scratchFn.apply(len)[0];
            if (address == 0) {
                throw new IcpValidateException("too_large", "the module could not grow its scratch buffer to " + len + " bytes");
            }
            scratch = address;
            scratchCapacity = len;
        }
        return scratch;
    }

    void write(int address, byte[] bytes) {
        memory.write(address, bytes, 0, bytes.length);
    }

    void write(int address, byte[] bytes, int offset, int len) {
        memory.write(address, bytes, offset, len);
    }

    /** The output of the last call (the reply block's range). */
    byte[] output() {
        int address = memory.readInt(reply);
        int len = memory.readInt(reply + 4);
        return memory.readBytes(address, len);
    }

    String outputText() {
        return new String(output(), StandardCharsets.UTF_8);
    }

    /** Status 3: the error object, as an exception. */
    IcpValidateException error() {
        java.util.Map<String, Object> e = Json.parseObject(outputText());
        return new IcpValidateException(Json.str(e, "error"), Json.str(e, "message"));
    }

    static int call(ExportFunction f, long... args) {
        return (int) f.apply(args)[0];
    }
}
