// The translation review page: every intake text and canned reply of a language beside the English, a correction
// per text (checked by the server as the shipped script is), and the mark that a native speaker has reviewed it.
import { getJson, postJson, putJson } from "./api.js";
import { byId, el, whileBusy } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";
import { clockText, languageName } from "./format.js";

const session = await requireSession(["Admin", "Reviewer"], "Only translation reviewers and administrators correct translations.");
showSignedIn(session);

// A reviewer corrects and marks only the languages of their account (the server refuses the others); the rest are
// shown read-only, to compare with, rather than offered and then refused at each Save.
const mayEdit = (tag) => session.role === "Admin" || (session.languages ?? []).includes(tag);

const overview = await getJson("/api/translations");
byId("language").replaceChildren(...overview.languages.map((language) =>
  // Named as every other page of the console names a language (format.js), so a language has one name throughout.
  el("option", { value: language.tag, text: `${languageName(language.tag)}${mayEdit(language.tag) ? "" : ", read only"}` })));
const mine = overview.languages.find((language) => session.languages?.includes(language.tag));
if (mine) {
  byId("language").value = mine.tag;
}
byId("language").addEventListener("change", () => load());
byId("mark-reviewed").addEventListener("click", () => whileBusy(byId("mark-reviewed"), markReviewed));
await load();
document.body.dataset.ready = "true";

function currentLanguage() {
  return byId("language").value;
}

function showProblem(message) {
  byId("problem").textContent = message ?? "";
  byId("problem").hidden = !message;
}

function showReview(language) {
  byId("review-state").textContent = language.reviewed
    ? `Reviewed${language.reviewedBy ? ` by ${language.reviewedBy}, ${clockText(language.reviewedAt)}` : ""}`
    : "Not reviewed: machine-drafted or changed since the last review";
  byId("review-state").className = language.reviewed ? "muted" : "notice notice-warning";
}

async function load() {
  showProblem(null);
  byId("status-message").textContent = "";
  const page = await getJson(`/api/translations/${encodeURIComponent(currentLanguage())}`);
  showReview(page.language);
  byId("mark-reviewed").hidden = !mayEdit(currentLanguage());
  byId("texts").replaceChildren(...page.texts.map(row));
  if (!mayEdit(currentLanguage())) {
    const yours = session.languages ?? [];
    byId("status-message").textContent = yours.length > 0
      ? `You review ${yours.map(languageName).join(", ")}: this language is shown read only.`
      : "Your account reviews no language yet (an admin adds them): this language is shown read only.";
  }
}

function row(text) {
  const field = el("textarea", { rows: "3", "aria-label": `${text.title} in ${currentLanguage()}` });
  field.value = text.text;
  field.lang = currentLanguage();
  field.readOnly = !mayEdit(currentLanguage());
  const save = el("button", { type: "button", class: "secondary", text: "Save" });
  const changed = el("span", { class: "muted", text: changedText(text) });
  // A refusal is shown in the row, beside the text it is about: the page is long, and the top is out of view.
  const refusal = el("p", { class: "notice notice-warning", role: "alert", hidden: true });
  save.addEventListener("click", () => whileBusy(save, async () => {
    showProblem(null);
    refusal.hidden = true;
    try {
      const saved = await putJson(`/api/translations/${encodeURIComponent(currentLanguage())}/${text.kind}/${encodeURIComponent(text.id)}`,
        { text: field.value });
      field.value = saved.text;
      changed.textContent = changedText(saved);
      byId("status-message").textContent = `Saved "${text.title}". New conversations use it now.`;
      showReview({ reviewed: false });
    } catch (error) {
      refusal.textContent = `Not saved: ${error.message}`;
      refusal.hidden = false;
      byId("status-message").textContent = "";
    }
  }));
  const kind = text.kind === "canned-reply" ? "Canned reply" : "Intake";
  save.hidden = field.readOnly;
  return el("tr", { "data-text": `${text.kind}/${text.id}` },
    el("th", { scope: "row" }, el("div", { text: text.title }), el("div", { class: "muted", text: kind })),
    el("td", { lang: "en", text: text.english }),
    el("td", {}, field, refusal, el("div", {}, save, " ", changed)));
}

function changedText(text) {
  return text.changedBy ? `Corrected by ${text.changedBy}, ${clockText(text.changedAt)}` : "As shipped";
}

async function markReviewed() {
  showProblem(null);
  try {
    const language = await postJson(`/api/translations/${encodeURIComponent(currentLanguage())}/review`);
    showReview(language);
    byId("status-message").textContent = `${languageName(language.tag)} is marked reviewed.`;
  } catch (error) {
    showProblem(error.message);
  }
}
