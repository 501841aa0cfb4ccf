// www/widget/form-data.js: the filing a form describes and the context a control's rule is
// given, with small stand-ins for the form and its controls (only what the module reads).
import test from "node:test";
import assert from "node:assert/strict";
import { contextName, contextSelectors, controlContext, densify, filingFromForm, pathSegments, setPath } from "../../www/widget/form-data.js";

// A control as the module sees it: dataset, value, type, checked, disabled, attributes and
// whether it sits in a hidden section.
function control({ path, value = "", type = "text", checked = false, disabled = false, hidden = false, list = false, dataset = {} }) {
  return {
    dataset: path === undefined ? dataset : { ...dataset, icpPath: path },
    value,
    type,
    checked,
    disabled,
    closest: (selector) => (selector === "[hidden]" && hidden ? {} : null),
    hasAttribute: (name) => name === "data-icp-list" && list,
  };
}
const form = (controls, bySelector = {}) => ({
  querySelectorAll: (selector) => (selector === "[data-icp-path]" ? controls.filter((c) => c.dataset.icpPath !== undefined) : []),
  querySelector: (selector) => bySelector[selector] || null,
});

test("pathSegments reads dotted paths with indexes and refuses malformed ones", () => {
  assert.deepEqual(pathSegments("services[0].domains[1]"), ["services", 0, "domains", 1]);
  assert.deepEqual(pathSegments("entity.person_in_charge.mobile"), ["entity", "person_in_charge", "mobile"]);
  assert.deepEqual(pathSegments("a[1][2]"), ["a", 1, 2]);
  for (const bad of ["", "a..b", "[0]", "a[x]", "a[0]b"]) assert.equal(pathSegments(bad), null, bad);
});

test("setPath creates arrays for numeric steps and objects otherwise; densify drops holes", () => {
  const target = {};
  setPath(target, ["services", 1, "domains", 0], "a.cn");
  setPath(target, ["entity", "name"], "甲");
  assert.ok(Array.isArray(target.services) && Array.isArray(target.services[1].domains));
  assert.equal(target.services[0], undefined);
  assert.deepEqual(densify(target), { services: [{ domains: ["a.cn"] }], entity: { name: "甲" } });
});

test("filingFromForm: enabled, visible controls with a value; checkboxes as booleans; lists split", () => {
  const filing = filingFromForm(
    form([
      control({ path: "entity.name", value: "某公司" }),
      control({ path: "entity.blank", value: "   " }),
      control({ path: "entity.off", value: "x", disabled: true }),
      control({ path: "entity.away", value: "x", hidden: true }),
      control({ path: "bad..path", value: "x" }),
      control({ path: "services[0].same", type: "checkbox", checked: false }),
      control({ path: "services[0].domains", value: "a.cn\nb.cn，c.cn, ,", list: true }),
      control({ path: "services[2].name", value: "第三个" }),
    ]),
  );
  assert.deepEqual(filing, { entity: { name: "某公司" }, services: [{ same: false, domains: ["a.cn", "b.cn", "c.cn"] }, { name: "第三个" }] });
});

test("context: the page's shared context, then data-icp-context JSON, then data-icp-context-<key> from other controls", (t) => {
  assert.equal(contextName("icpContextEntityType"), "entity_type");
  assert.equal(contextName("icpContextToday"), "today");
  const dataset = { icpField: "id_number", icpContext: '{"type":"居民身份证","today":"2026-01-01"}', icpContextEntityType: "#entity_type", icpContextMissing: "#none", icpContextEmpty: "#empty" };
  const c = control({ dataset });
  assert.deepEqual(contextSelectors(c), [["icpContextEntityType", "#entity_type"], ["icpContextMissing", "#none"], ["icpContextEmpty", "#empty"]]);
  const page = form([], { "#entity_type": { value: "企业" }, "#empty": { value: "" } });
  const want = { provider: "p", type: "居民身份证", today: "2026-01-01", entity_type: "企业" };
  assert.deepEqual(controlContext(c, page, { provider: "p", today: "2000-01-01" }), want);
  assert.deepEqual(controlContext(c, page, () => ({ provider: "p" })), want);
  // Not an object: no shared context.
  assert.deepEqual(controlContext(c, page, "nonsense"), { type: "居民身份证", today: "2026-01-01", entity_type: "企业" });
  // Broken JSON: warned about, the rest still read.
  const warn = t.mock.method(console, "warn", () => {});
  assert.deepEqual(controlContext(control({ dataset: { icpContext: "{", icpContextEntityType: "#entity_type" } }), page), { entity_type: "企业" });
  assert.equal(warn.mock.callCount(), 1);
});
