// "icp-validate/web": the functions of index.d.ts, usable once init() (or initSync() and
// loadLocale()) has resolved; before that they throw an Error saying so.
export * from "./index.js";

/** What wasm-bindgen's init takes: the wasm's URL, a Response, its bytes or a compiled Module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads and instantiates the field module and the messages of `locale` (default: `<html
 * lang>`, else zh-CN). Call once, and await it, before the other functions. `filing` says
 * where the filing module is, when not beside the field module: what init takes for it, or a
 * function returning a promise of that (called on the first validateFiling).
 */
export default function init(input?: InitInput | Promise<InitInput> | { module_or_path?: InitInput | Promise<InitInput>; locale?: string; filing?: { module_or_path: InitInput | Promise<InitInput> } | (() => Promise<InitInput>) }): Promise<void>;

/** Instantiates the wasm synchronously; `await loadLocale(tag)` before wording messages. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): void;
