import { getJson, useAntiforgeryToken, goToSignIn } from "./api.js";
import { byId } from "./dom.js";

export const CASE_ROLES = ["Caseworker", "Supervisor", "Admin"];
export const SUPERVISING_ROLES = ["Supervisor", "Admin"];

/** The signed-in person, or a redirect: to the sign-in page without a session, to the partner page for an NGO. */
export async function requireCaseworkSession() {
  const session = await getJson("/api/session");
  if (!CASE_ROLES.includes(session.role)) {
    window.location.replace("/console/partner.html");
    throw new Error("This account does not work on cases.");
  }
  useAntiforgeryToken(session.antiforgeryToken);
  return session;
}

/** Fills the header: who is signed in, and the sign-out form's antiforgery token. */
export function showSignedIn(session) {
  byId("who").textContent = `${session.displayName} · ${session.role}`;
  prepareSignOut(session.antiforgeryToken);
  for (const link of document.querySelectorAll("[data-supervisors-only]")) {
    link.hidden = !SUPERVISING_ROLES.includes(session.role);
  }
}

export function prepareSignOut(token) {
  const form = document.getElementById("signout");
  if (!form) {
    return;
  }
  form.querySelector("input[name='__RequestVerificationToken']").value = token;
  form.querySelector("button").disabled = false;
}

export { goToSignIn };
