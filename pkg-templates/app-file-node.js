// "icp-validate/app-file" in Node: the same reader, its wasm read from disk on first use.
import { readFile } from "node:fs/promises";
import { appFileReader } from "./app-file.js";

export const { initAppFile, readAppFile } = appFileReader(() => readFile(new URL("./web/icp_validate_app_file_bg.wasm", import.meta.url)));
