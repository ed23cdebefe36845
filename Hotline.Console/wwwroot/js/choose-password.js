// After signing in with a one-time password, the only step there is: choosing a password of one's own. The
// half-signed-in cookie reaches nothing else; the session starts when the server has taken the new password.
import { byId } from "./dom.js";
import { passwordsProblem } from "./passwords.js";

const form = byId("choose-password");
const button = form.querySelector("button[type='submit']");
let antiforgeryToken = "";

function refuse(text) {
  const problem = byId("choose-problem");
  problem.textContent = text ?? "";
  problem.hidden = !text;
}

async function prepare() {
  const response = await fetch("/api/password-change", { credentials: "same-origin", cache: "no-store" });
  if (response.status === 401 || response.status === 404) {
    // The sign-in has expired (five minutes), or it was not made with a one-time password.
    window.location.replace("/console/signin.html");
    return;
  }
  if (!response.ok) {
    refuse("The server could not be reached. Reload the page to try again.");
    return;
  }
  const pending = await response.json();
  antiforgeryToken = pending.antiforgeryToken;
  byId("user-name").value = pending.userName;
  button.disabled = false;
  form.dataset.ready = "true";
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const newPassword = byId("new-password").value;
  const mismatch = passwordsProblem(newPassword, byId("repeat-password").value);
  if (mismatch) {
    refuse(mismatch);
    return;
  }
  button.disabled = true;
  try {
    const response = await fetch("/api/password-change", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-TOKEN": antiforgeryToken },
      body: JSON.stringify({ newPassword }),
      credentials: "same-origin",
      cache: "no-store",
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401) {
      window.location.replace("/console/signin.html");
      return;
    }
    if (!response.ok) {
      refuse(answer.detail || `The server answered ${response.status}.`);
      return;
    }
    window.location.replace(answer.home);
  } catch {
    refuse("The server could not be reached. Check the connection and try again.");
  } finally {
    button.disabled = false;
  }
});

prepare();
