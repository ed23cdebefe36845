// A signed-in person changes their own password: the current one proves it is them.
import { getJson, postJson, useAntiforgeryToken } from "./api.js";
import { byId, whileBusy } from "./dom.js";
import { homeOf } from "./session.js";
import { passwordsProblem } from "./passwords.js";

const form = byId("password-form");
const button = form.querySelector("button[type='submit']");
const session = await getJson("/api/session");
useAntiforgeryToken(session.antiforgeryToken);
byId("user-name").value = session.userName;
byId("back").href = homeOf(session.role);
button.disabled = false;
form.dataset.ready = "true";

function refuse(text) {
  const problem = byId("password-problem");
  problem.textContent = text ?? "";
  problem.hidden = !text;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  whileBusy(button, async () => {
    byId("password-done").textContent = "";
    const newPassword = byId("new-password").value;
    const mismatch = passwordsProblem(newPassword, byId("repeat-password").value);
    if (mismatch) {
      refuse(mismatch);
      return;
    }
    try {
      await postJson("/api/session/password", { currentPassword: byId("current-password").value, newPassword });
      refuse(null);
      form.reset();
      byId("password-done").textContent = "Your password is changed. Your other sessions have ended.";
    } catch (error) {
      refuse(error.message);
    }
  });
});
