// "icp-validate/web": the functions of index.d.ts, usable once init() (or initSync() and
// loadLocale()) has resolved; before that they throw an Error saying so.
export * from "./index.js";

/** What wasm-bindgen's init takes: the wasm's URL, a Response, its bytes or a compiled Module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Where a module loaded later is: what init takes for it, or a function returning a promise of that. */
export type LaterModule = { module_or_path: InitInput | Promise<InitInput> } | (() => Promise<InitInput>);

/**
 * Loads and instantiates the field module and the messages of `locale` (default: `<html
 * lang>`, else zh-CN). Call once, and await it, before the other functions (a failed download
 * is retried, then rejects with ICP_NOT_LOADED; calling it again tries again). `filing` and
 * `idn` say where those modules are, when not beside the field module (the filing module is
 * prefetched when idle after the first field check, the IDN module loaded when a name needs
 * it; see loadIdn).
 */
export default function init(input?: InitInput | Promise<InitInput> | { module_or_path?: InitInput | Promise<InitInput>; locale?: string; filing?: LaterModule; idn?: LaterModule }): Promise<void>;

/** Instantiates the field module synchronously; `await loadLocale(tag)` before wording
 * messages, `await loadIdn()` before names that are not plain ASCII (it starts loading here). */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): void;
