// Validates filing JSON files with the npm package, the way a Node back end would:
//   node validate-filing.mjs filing.json [--provider nwcd] [--locale en] [--today 2026-11-23]
// Prints one line per finding and the documents checklist; exit 0 valid, 1 invalid, 2 usage.
import { readFileSync } from "node:fs";
import { validateFiling } from "icp-validate";

const args = process.argv.slice(2);
const options = {};
const files = [];
for (let i = 0; i < args.length; i += 1) {
  const flag = args[i].match(/^--(provider|locale|today)$/);
  if (flag) options[flag[1]] = args[(i += 1)];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node validate-filing.mjs FILE.json [--provider ID] [--locale zh-CN|en] [--today YYYY-MM-DD]");
  process.exit(2);
}

let allValid = true;
for (const file of files) {
  let filing;
  try {
    filing = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  // A test-corpus file wraps the filing with its options; a plain filing file is the filing.
  const report = await validateFiling(filing.filing ?? filing, { ...(filing.options ?? {}), ...options });
  allValid &&= report.valid;
  console.log(`${file}: ${report.valid ? "valid" : "invalid"} (${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.verification?.route ?? "no"} verification)`);
  for (const issue of [...report.errors, ...report.warnings]) console.log(`  ${issue.severity} ${issue.path} ${issue.code}: ${issue.message}`);
  for (const doc of report.documents) console.log(`  document ${doc.need} ${doc.name}: ${doc.reason}`);
}
process.exit(allValid ? 0 : 1);
