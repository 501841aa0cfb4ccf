// One Vite build of every console app (one page per form library), against the package as an
// app installs it (node_modules/icp-validate, linked to the built pkg/ by run.sh).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

const root = fileURLToPath(new URL("./pages", import.meta.url));
const input = Object.fromEntries(readdirSync(root).filter((f) => f.endsWith(".html")).map((f) => [f.replace(/\.html$/, ""), `${root}/${f}`]));

export default defineConfig({
  root,
  base: "./",
  logLevel: "warn",
  plugins: [vue()],
  esbuild: { jsx: "automatic" },
  build: { outDir: fileURLToPath(new URL("./dist", import.meta.url)), emptyOutDir: true, target: "es2022", minify: false, reportCompressedSize: false, chunkSizeWarningLimit: 100000, rollupOptions: { input, onwarn: (w, warn) => w.code !== "MODULE_LEVEL_DIRECTIVE" && warn(w) } },
});
