// Nothing for the package: the page language and no dev tools.
export default defineNuxtConfig({
  devtools: { enabled: false },
  telemetry: false,
  app: { head: { htmlAttrs: { lang: "zh-CN" }, link: [{ rel: "icon", href: "data:," }] } },
});
