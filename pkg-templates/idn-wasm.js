// Where the idn module's wasm is, for the bundler entry: in a module of its own, loaded with
// that module, so that frameworks which prefetch every asset of the entry chunk (Nuxt) do not
// fetch it with the page.
export default new URL("./web/icp_validate_idn_bg.wasm", import.meta.url);
