import { getJson, useAntiforgeryToken, goToSignIn } from "./api.js";
import { el } from "./dom.js";
import { forgetCaseNews } from "./case-news.js";

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

// Where each role starts, as the sign-in form sends it there (SessionEndpoints.HomeOf on the server), and that page's name.
const HOMES = {
  Admin: { path: "/console/partners.html", name: "the partner directory" },
  Ngo: { path: "/console/partner.html", name: "your organisation's referrals" },
  Reviewer: { path: "/console/translations.html", name: "the translations" },
};
const CASEWORK_HOME = { path: "/console/", name: "the queue and cases" };

/** Where each role starts, as the sign-in form sends it there. */
export function homeOf(role) {
  return (HOMES[role] ?? CASEWORK_HOME).path;
}

/**
 * The signed-in person working on cases. `/console/` is everyone's front door (the README and bookmarks point there),
 * so anyone else is taken on to their own start page rather than told it is not theirs. Without a session, the
 * sign-in page.
 */
export async function requireCaseworkSession() {
  const session = await getJson("/api/session");
  if (!CASE_ROLES.includes(session.role)) {
    // The promise never settles: the page's script stops where it waits, and no error reaches the browser's console.
    window.location.replace(homeOf(session.role));
    return new Promise(() => {});
  }
  useAntiforgeryToken(session.antiforgeryToken);
  return session;
}

/**
 * The signed-in person if their role is one of `roles`. Anyone else stays on the page and is told, in `whoFor`'s
 * words, that it is not for them, with a link to their own start page (a silent redirect left people wondering
 * where the page they opened had gone). The promise then never settles: the page's script stops where it waits.
 */
export async function requireSession(roles, whoFor) {
  const session = await getJson("/api/session");
  useAntiforgeryToken(session.antiforgeryToken);
  if (!roles.includes(session.role)) {
    showNotForRole(session, whoFor);
    return new Promise(() => {});
  }
  return session;
}

function showNotForRole(session, whoFor) {
  // The same top bar as on the person's own pages: their views, and their password to change.
  showSignedIn(session);
  // A page that is not going to connect says nothing about a connection.
  document.getElementById("connection")?.remove();
  document.querySelector(".skip-link")?.remove();
  const home = HOMES[session.role] ?? CASEWORK_HOME;
  const main = document.querySelector("main");
  main.className = "overview";
  main.replaceChildren(
    el("p", { id: "not-for-role", class: "notice", role: "alert", text: `${whoFor} Your role: ${roleName(session.role)}.` }),
    el("p", {}, el("a", { href: home.path, text: `Go to ${home.name}` })));
}

// A signed-in page the browser restores from its back/forward cache (the Back button, after signing out) would show what
// it showed then, a case's transcript included, without asking the server: it is loaded again instead, and the server
// decides (the sign-in page, once the session has ended). The sign-out's Clear-Site-Data drops that cache too.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) {
    window.location.reload();
  }
});

// Read and removed by signin.js (a classic script, so the key is written out there too).
const SIGNED_OUT_KEY = "hotline.signedOut";

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
  showViewsOf(session.role);
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
  // The server answers the sign-out with the sign-in page, which cannot tell why it was opened: this tab tells it. What the
  // person was shown of each case goes with her: the next person at this computer finds none of her case ids.
  signOut.addEventListener("submit", () => {
    window.sessionStorage.setItem(SIGNED_OUT_KEY, "true");
    forgetCaseNews();
  });
  document.querySelector("header.top").append(who, signOut);
  return who;
}

export { goToSignIn };

// Each role's views, in the order every page's header lists them. The header is built from this list alone, from the
// role of whoever is signed in, not from the page: a page not for their role offers the same links as their own pages.
const VIEWS = [
  { path: "/console/", name: "Queue and cases", roles: CASE_ROLES },
  { path: "/console/supervisor.html", name: "Supervisor view", roles: SUPERVISING_ROLES },
  { path: "/console/partner.html", name: "Referrals", roles: ["Ngo"] },
  { path: "/console/partners.html", name: "Partner directory", roles: ["Admin"] },
  { path: "/console/accounts.html", name: "Accounts", roles: ["Admin"] },
  { path: "/console/statistics.html", name: "Statistics", roles: [...CASE_ROLES, "Ngo", "Admin"] },
  { path: "/console/audit.html", name: "Audit trail", roles: ["Admin"] },
  { path: "/console/sims.html", name: "SIM cards", roles: ["Admin"] },
  { path: "/console/erase.html", name: "Erase a person", roles: ["Admin"] },
  { path: "/console/translations.html", name: "Translations", roles: ["Admin", "Reviewer"] },
];

/** Fills the header's list of views with the role's own, less the page it is on. */
function showViewsOf(role) {
  const here = window.location.pathname.replace(/index\.html$/, "");
  document.querySelector("nav.top-nav")?.replaceChildren(...VIEWS
    .filter((view) => view.roles.includes(role) && view.path !== here)
    .map((view) => el("a", { href: view.path, text: view.name })));
}
