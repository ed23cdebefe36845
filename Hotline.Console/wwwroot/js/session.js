import { getJson, useAntiforgeryToken, goToSignIn } from "./api.js";
import { el } from "./dom.js";

// The admin reads no case: it keeps accounts, partners and SIM cards (a person who does both has a supervisor account too).
export const CASE_ROLES = ["Caseworker", "Supervisor"];
export const SUPERVISING_ROLES = ["Supervisor"];

// What each role is called on every page (the header, the accounts page and its form, the supervisor view), in the
// order the accounts form offers them. The API's role "Ngo" (users add --role ngo) is an NGO partner's account.
const ROLE_NAMES = { Caseworker: "Caseworker", Supervisor: "Supervisor", Ngo: "NGO partner", Admin: "Administrator", Reviewer: "Translation reviewer" };

export const ROLES = Object.keys(ROLE_NAMES);

export function roleName(role) {
  return ROLE_NAMES[role] ?? role;
}

/**
 * Leaves the page for another. The promise never settles: the page's script stops where it waits, and no
 * error is raised (a thrown one would reach the browser's console as uncaught).
 */
export function redirectTo(path) {
  window.location.replace(path);
  return new Promise(() => {});
}

/** Where each role starts, as the sign-in form sends it there. */
export function homeOf(role) {
  const homes = { Admin: "/console/partners.html", Ngo: "/console/partner.html", Reviewer: "/console/translations.html" };
  return homes[role] ?? "/console/";
}

/** The signed-in person working on cases, or a redirect: to the sign-in page without a session, to their own start page otherwise. */
export function requireCaseworkSession() {
  return requireSession(CASE_ROLES);
}

/** The signed-in person if their role is one of `roles`; anyone else is sent to their own start page. */
export async function requireSession(roles) {
  const session = await getJson("/api/session");
  if (!roles.includes(session.role)) {
    return redirectTo(homeOf(session.role));
  }
  useAntiforgeryToken(session.antiforgeryToken);
  return session;
}

/** Fills the header of every signed-in page: who is signed in, a link to change the password, and the sign-out form. */
export function showSignedIn(session) {
  const who = showSignedInBar(session);
  if (!document.getElementById("change-password")) {
    who.after(el("a", { id: "change-password", class: "who", href: "/console/password.html", text: "Change password" }));
  }
}

/**
 * Ends the top bar the same way on every signed-in page, built here once rather than written into each page: who
 * is signed in, then the sign-out form, which posts the session's antiforgery token. Returns the name's element.
 */
function showSignedInBar(session) {
  showLinksFor(session.role);
  const text = `${session.displayName} · ${roleName(session.role)}`;
  const shown = document.getElementById("who");
  if (shown) {
    shown.textContent = text;
    return shown;
  }
  const who = el("span", { id: "who", class: "who", text });
  const signOut = el("form", { id: "signout", method: "post", action: "/console/signout" },
    el("input", { type: "hidden", name: "__RequestVerificationToken", value: session.antiforgeryToken }),
    el("button", { type: "submit", class: "secondary", text: "Sign out" }));
  document.querySelector("header.top").append(who, signOut);
  return who;
}

export { goToSignIn };

// The header's links a page marks for some roles only, shown to those roles: one rule for every page.
const LINKS_FOR = {
  "data-staff-only": ["Caseworker", "Supervisor"],
  "data-supervisors-only": SUPERVISING_ROLES,
  "data-admins-only": ["Admin"],
  "data-partners-only": ["Ngo"],
};

function showLinksFor(role) {
  for (const [attribute, roles] of Object.entries(LINKS_FOR)) {
    for (const link of document.querySelectorAll(`[${attribute}]`)) {
      link.hidden = !roles.includes(role);
    }
  }
}
