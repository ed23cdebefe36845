// The second step of signing in: a real form post, like the first, with the antiforgery token of this step.
const form = document.getElementById("two-factor");
const button = form.querySelector("button[type='submit']");
const problem = document.getElementById("two-factor-problem");

if (new URLSearchParams(window.location.search).get("error")) {
  problem.textContent = "That code is not right, or it was used already. Type the code the app shows now, or another recovery code.";
  problem.hidden = false;
}

async function prepare() {
  const response = await fetch("/api/two-factor", { credentials: "same-origin", cache: "no-store" });
  if (response.status === 401) {
    // The password step has expired (five minutes) or never happened.
    window.location.replace("/console/signin.html");
    return;
  }
  if (!response.ok) {
    problem.textContent = "The server could not be reached. Reload the page to try again.";
    problem.hidden = false;
    return;
  }
  const pending = await response.json();
  if (pending.enrolling) {
    window.location.replace("/console/enrol.html");
    return;
  }
  form.querySelector("input[name='__RequestVerificationToken']").value = pending.antiforgeryToken;
  button.disabled = false;
  form.dataset.ready = "true";
}

prepare();
