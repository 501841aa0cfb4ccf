// An APP file (APK, IPA, HAP, certificate) read locally by the app-file part, which slices
// the few ranges it needs: its package name, MD5 and public key fill the platform's empty
// controls, which are then validated as if typed; a value already typed is kept, and where
// it differs from the file's the control says so. The file's own findings (a debug
// certificate, an expired one) and a file of another platform are shown at the file input,
// and fill nothing.
import { FIELD_SELECTOR, PATH_SELECTOR } from "./dom.js";

// The platform's controls an APP file fills, by the last step of their data-icp-path.
export const APP_FILE_VALUES = ["package", "md5", "public_key"];

/** What the file input says of a reading: its text and kind ("error", "warning", "success"),
 * and the finding that makes the file fill nothing (or null). */
export function appFileVerdict(result, at, locale) {
  const mismatch = result && result.cross_check.find((i) => i.path === `${at}.platform`);
  const first = result ? mismatch || result.errors[0] || result.warnings[0] : null;
  let text;
  if (!result) text = locale === "en" ? "The file could not be read." : "无法读取该文件。";
  else if (first) text = first.message;
  else text = locale === "en" ? "Read from the file: check the values filled in below." : "已从文件读取，请核对下方填入的值。";
  const failed = !result || mismatch || !result.valid;
  return { text, kind: failed ? "error" : first ? "warning" : "success", fills: !failed };
}

/** `loadAppFile()` gives a promise of the app-file module; `clear` and `validate` act on a
 * control as the widget does; `settled(control)` runs after each reading (summary, filing). */
export function createAppFileInput({ form, options, locale, state, render, loadAppFile, clear, validate, settled }) {
  let appFilePart = null;
  const platformControl = (at, name) => Array.from(form.querySelectorAll(PATH_SELECTOR)).find((c) => c.dataset.icpPath === `${at}.${name}`);

  return async function read(control) {
    const run = (state.appFileRuns.get(control) || 0) + 1;
    state.appFileRuns.set(control, run);
    const file = control.files && control.files[0];
    const at = control.dataset.icpAppFile;
    const targets = Object.fromEntries(APP_FILE_VALUES.map((name) => [name, platformControl(at, name)]));
    for (const target of Object.values(targets)) if (target) render.showAppNote(render.appNoteElement(target), "", null);
    if (!file) {
      clear(control);
      return null;
    }
    const typed = {};
    for (const [name, target] of Object.entries(targets)) if (target && target.value.trim() !== "") typed[name] = target.value;
    const platform = platformControl(at, "platform");
    let result;
    try {
      appFilePart = appFilePart || loadAppFile().catch((e) => {
        appFilePart = null;
        throw e;
      });
      const { readAppFile } = await appFilePart;
      result = await readAppFile(file, { locale, typed, path: at, platform: platform ? platform.value : undefined, today: (options.filingOptions || {}).today });
    } catch (e) {
      console.warn("icp-validate: could not read the APP file", e);
      result = null;
    }
    // A file chosen since has its own reading.
    if (state.appFileRuns.get(control) !== run) return null;
    const { text, kind, fills } = appFileVerdict(result, at, locale);
    render.showFileMessage(control, text, kind);
    state.lastMessage.set(control, text);
    let announcement = text;
    // A file with an error (a debug certificate, a damaged signature) fills nothing: its
    // values are not the ones to file.
    if (fills) {
      for (const [name, target] of Object.entries(targets)) {
        if (!target || result[name] == null) continue;
        const issue = result.cross_check.find((i) => i.path === `${at}.${name}`);
        if (issue) {
          render.showAppNote(render.appNoteElement(target), issue.message, issue.severity);
          announcement += ` ${issue.message}`;
        } else if (target.value.trim() === "") {
          target.value = result[name];
          state.touched.add(target);
          state.edited.add(target);
          if (target.matches(FIELD_SELECTOR)) validate(target, { announceChange: false });
        }
      }
    }
    render.announce(announcement);
    if (options.onAppFile) options.onAppFile(control, result);
    settled();
    return result;
  };
}
