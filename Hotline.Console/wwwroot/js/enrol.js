// Enrolment at first sign-in: the QR code is drawn by the server; the first code from the app turns two-factor
// sign-in on, and the recovery codes are shown here once.
import { getJson, postJson, useAntiforgeryToken } from "./api.js";
import { byId, el } from "./dom.js";

const form = byId("enrol");
const button = form.querySelector("button[type='submit']");
const problem = byId("enrol-problem");

const pending = await getJson("/api/two-factor");
if (!pending.enrolling) {
  window.location.replace("/console/two-factor.html");
} else {
  useAntiforgeryToken(pending.antiforgeryToken);
  byId("secret").textContent = pending.secret;
  form.addEventListener("submit", enrol);
  button.disabled = false;
  form.dataset.ready = "true";
}

async function enrol(event) {
  event.preventDefault();
  button.disabled = true;
  try {
    const enrolled = await postJson("/api/two-factor/enrolment", { code: byId("code").value.trim() });
    byId("setup").hidden = true;
    byId("recovery-codes").replaceChildren(...enrolled.recoveryCodes.map((code) => el("li", { text: code })));
    byId("continue").href = enrolled.home;
    byId("recovery").hidden = false;
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
    button.disabled = false;
  }
}
