// The admin's erasure on request: the number (or chat person) in, counts out. The admin reads no case content.
import { postJson } from "./api.js";
import { byId, el, submitButton, whileBusy } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";

const KINDS = [
  ["messages", "Message texts"], ["media", "Media references"], ["notes", "Notes"], ["referrals", "Referral details"],
  ["intakeAnswers", "Intake answers"], ["engineStates", "Intake states"], ["conversations", "Numbers and identities"],
  ["chatRoutes", "Chat routes"], ["outboxRows", "Queued or sent replies"], ["simRegistrations", "SIM registrations"],
];

const session = await requireSession(["Admin"], "Only administrators erase a person's data.");
showSignedIn(session);

const form = byId("erase-form");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  return whileBusy(submitButton(form), erase);
});
document.body.dataset.ready = "true";

async function erase() {
  const phone = byId("phone").value.trim();
  const chat = byId("chat").value.trim();
  // One wrong digit would erase a stranger's case history, and nothing brings it back.
  if (Boolean(phone) !== Boolean(chat) && !window.confirm(`Erase everything held about ${phone || chat}? It cannot be undone.`)) {
    return;
  }
  byId("removed").hidden = true;
  try {
    const report = await postJson("/api/admin/erasures", { phone: phone || null, chat: chat || null, force: byId("force").checked });
    byId("status-message").textContent = report.known
      ? `Erased. Open cases closed: ${report.casesClosed}.`
      : "No personal data of this person is held: nothing was erased.";
    byId("counts").replaceChildren(...KINDS.map(([key, label]) =>
      el("tr", {}, el("td", { text: label }), el("td", { text: String(report.removed[key]) }))));
    byId("removed").hidden = false;
  } catch (error) {
    byId("status-message").textContent = error.message;
  }
}
