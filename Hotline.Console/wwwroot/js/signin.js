// The sign-in form is a real form post; its antiforgery token comes from the API before it may be sent.
const form = document.getElementById("signin");
const button = form.querySelector("button[type='submit']");
const problem = document.getElementById("signin-problem");

const errors = {
  // One answer for every refusal: it must not tell whether a name exists, is disabled or is waiting.
  wrong: "The name or password is not right, or the account must wait a little after several wrong tries. Check them and try again in a minute.",
};
// Set by the sign-out button of this tab (session.js): the person is told it worked, once.
const SIGNED_OUT_KEY = "hotline.signedOut";
if (window.sessionStorage.getItem(SIGNED_OUT_KEY)) {
  window.sessionStorage.removeItem(SIGNED_OUT_KEY);
  document.getElementById("signed-out").textContent = "You have signed out.";
}

// Whoever is signed in next starts with nothing from earlier sessions in this browser (a session that ended without the
// sign-out button: expired, signed out elsewhere): what each person was shown of each case (case-news.js, whose prefix this is).
for (const key of Object.keys(window.localStorage).filter((k) => k.startsWith("hotline.caseNews."))) {
  window.localStorage.removeItem(key);
}

// Why the console brought this browser here: an account change ended its session (Auth/SessionEnd.cs on the server).
// Fixed codes, each with its own sentence: the address carries no text of its own, and a code typed into it by anyone
// names no account.
const endings = new Map([
  ["disabled", "This account was disabled, so you were signed out. An administrator can enable it again."],
  ["changed", "Your account was changed (its role, languages or password), so you were signed out. Sign in again."],
]);
const ended = endings.get(new URLSearchParams(window.location.search).get("ended"));
if (ended) {
  document.getElementById("signed-out").textContent = ended;
}

const error = new URLSearchParams(window.location.search).get("error");
if (error) {
  problem.textContent = errors[error] ?? "Signing in did not work. Try again.";
  problem.hidden = false;
}

async function prepare() {
  try {
    const response = await fetch("/api/antiforgery", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    const { token } = await response.json();
    form.querySelector("input[name='__RequestVerificationToken']").value = token;
    button.disabled = false;
    form.dataset.ready = "true";
  } catch {
    problem.textContent = "The server could not be reached. Reload the page to try again.";
    problem.hidden = false;
  }
}

prepare();
