package org.icpvalidate;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How the core module runs. {@link #COMPILED} (the default) runs the module as JVM bytecode that
 * Chicory's compiler produced when this library was built; {@link #INTERPRETER} runs the same
 * {@code .wasm} in Chicory's interpreter (slower; for comparison and as a fallback).
 */
public enum Engine {
    /** The module compiled to JVM bytecode at build time. */
    COMPILED,
    /** The module's bytes run by Chicory's interpreter. */
    INTERPRETER;

    WasmModule module() {
        return this == COMPILED ? org.icpvalidate.internal.CoreModule.load() : Interpreted.MODULE;
    }

    /** Parsed once per process, on first use. */
    private static final class Interpreted {
        static final WasmModule MODULE;

        static {
            try (InputStream in = Engine.class.getResourceAsStream("icp_validate_core.wasm")) {
                if (in == null) {
                    throw new IllegalStateException("icp_validate_core.wasm missing from the jar");
                }
                MODULE = Parser.parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
