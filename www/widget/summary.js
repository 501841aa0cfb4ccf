// The error summary (the GOV.UK design system's pattern): after a blocked submit, a heading
// with the count and one link per problem to its control, at the top of the form; it follows
// the form as problems are fixed and goes when none is left. Built from what the controls
// show (aria-invalid and their messages), so fields and cross-field findings both count.
import { describedBy, uniqueId } from "./dom.js";

/** One problem's link text: the link names its field ("请填写此项" eleven times says nothing on its own). */
export const problemText = (label, message, locale) => (label ? (locale === "en" ? `${label}: ${message}` : `${label}：${message}`) : message);

export const summaryHeading = (count, locale) => (locale === "en" ? `${count} item(s) need attention` : `有 ${count} 项需要修改`);

// The control's name as a reader hears it: its aria-label, else its first label's text.
const controlLabel = (control) => control.getAttribute("aria-label") || (control.labels && control.labels[0] ? control.labels[0].textContent.trim().replace(/\s+/g, " ") : "");

/** The summary of `form`; `track(el)` is told of the element once it is added. */
export function createSummary(form, locale, track) {
  let summary = null;

  /** Rebuilds the summary if one is shown (or, with `focus`, shows and focuses it); returns
   * the number of problems. */
  function refresh({ focus = false } = {}) {
    if (!summary && !focus) return 0;
    const problems = [];
    for (const control of form.querySelectorAll('[aria-invalid="true"]')) {
      const texts = describedBy(control).filter((el) => el && !el.hidden && el.textContent);
      if (!texts.length) continue;
      problems.push([control, problemText(controlLabel(control), texts[0].textContent, locale)]);
    }
    if (!summary) {
      summary = document.createElement("div");
      summary.className = "icp-summary";
      summary.setAttribute("data-icp-summary", "");
      summary.tabIndex = -1;
      const heading = document.createElement("h2");
      heading.id = uniqueId("icp-summary-title");
      summary.setAttribute("aria-labelledby", heading.id);
      summary.append(heading, document.createElement("ul"));
      form.prepend(summary);
      track(summary);
    }
    const [heading, list] = summary.children;
    heading.textContent = summaryHeading(problems.length, locale);
    list.replaceChildren(
      ...problems.map(([control, text]) => {
        if (!control.id) control.id = uniqueId("icp-control");
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `#${control.id}`;
        a.textContent = text;
        a.addEventListener("click", (event) => {
          event.preventDefault();
          control.focus();
        });
        li.append(a);
        return li;
      }),
    );
    summary.hidden = problems.length === 0;
    if (focus && problems.length) summary.focus();
    return problems.length;
  }

  return { refresh };
}
