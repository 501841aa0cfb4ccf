// Timing shared by Node and Chromium (bench/wasm.mjs): the same scheme as
// examples/bench_native.rs — warm up, then the median of 5 rounds, in ns per item.
export function measure(items, secs, runAll) {
  const now = () => performance.now();
  const warmStart = now();
  let passes = 0;
  do {
    runAll();
    passes++;
  } while (now() - warmStart < (secs * 1000) / 5);
  const perPass = (now() - warmStart) / passes;
  const reps = Math.max(1, Math.floor((secs * 1000) / 5 / perPass));
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t = now();
    for (let i = 0; i < reps; i++) runAll();
    rounds.push(((now() - t) * 1e6) / (reps * items));
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

export function hexBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** ns/op of the wasm API (`validateField`, `isValid`, `validateAttachment`, `validateFiling`) over the
 * inputs dumped by `bench_native --dump`: { ns: { set: ns/op }, valid: { set: valid count } }
 * (the counts let the report check that every runtime saw the same answers). */
export function benchWasm(api, inputs, secs) {
  const ns = {};
  const valid = {};
  const isValid = {};
  let sink = 0;
  for (const set of inputs.fields) {
    const { field, values, contexts } = set;
    ns[set.name] = measure(values.length, secs, () => {
      for (let i = 0; i < values.length; i++) sink += api.validateField(field, values[i], contexts[i], "zh-CN").valid ? 1 : 0;
    });
    valid[set.name] = values.filter((v, i) => api.validateField(field, v, contexts[i], "zh-CN").valid).length;
    // The boolean fast path on the same values, where the package has it.
    if (api.isValid) {
      isValid[set.name] = measure(values.length, secs, () => {
        for (let i = 0; i < values.length; i++) sink += api.isValid(field, values[i], contexts[i]) ? 1 : 0;
      });
    }
  }
  const atts = inputs.attachments.map((a) => ({ ...a, bytes: hexBytes(a.header) }));
  const ctx = { today: inputs.today };
  ns.attachment = measure(atts.length, secs, () => {
    for (const a of atts) sink += api.validateAttachment(a.kind, a.bytes, a.total_size, ctx, "zh-CN").valid ? 1 : 0;
  });
  valid.attachment = atts.filter((a) => api.validateAttachment(a.kind, a.bytes, a.total_size, ctx, "zh-CN").valid).length;
  // The package's validateFiling answers a promise (it loads the filing module on first use):
  // the caller loads the module first, and the synchronous form is timed.
  const validateFiling = api.validateFilingSync || api.validateFiling;
  for (const f of inputs.filings) {
    ns[`filing:${f.name}`] = measure(1, secs, () => {
      sink += validateFiling(f.filing, f.options).valid ? 1 : 0;
    });
    valid[`filing:${f.name}`] = validateFiling(f.filing, f.options).valid ? 1 : 0;
  }
  return { ns, valid, is_valid: isValid, sink };
}
