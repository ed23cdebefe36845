// The admin's accounts: list, add, disable or enable, change role and languages, reset a password. The same
// changes as the command line's `users` verbs, through the same server rules.
import { getJson, postJson, putJson } from "./api.js";
import { byId, el, whileBusy } from "./dom.js";
import { requireSession, showSignedIn, roleName, ROLES, CASE_ROLES } from "./session.js";
import { languageName, clockText } from "./format.js";
import { sayOutcomeInView, clearOutcome, showRefusal } from "./status-line.js";

/** Roles whose languages mean something: the cases one answers, or the translations a reviewer may correct. */
const LANGUAGE_ROLES = [...CASE_ROLES, "Reviewer"];

const session = await requireSession(["Admin"], "Only administrators keep the accounts.");
showSignedIn(session);

let editing = null;
// Adding and resetting carry a request id, kept until the server has answered: a retry after a lost answer
// (status 0) is then the same request, and the server answers it again without a second change.
let addRequest = null;
const resetRequests = new Map();

// The API takes a role by its name in lower case ("ngo"), and answers with it capitalised ("Ngo").
byId("role").replaceChildren(...ROLES.map((role) => el("option", { value: role.toLowerCase(), text: roleName(role) })));
byId("account-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const change = editing && accessChange(editing);
  if (change?.question && !window.confirm(change.question)) {
    return;
  }
  whileBusy(byId("save"), () => save(change));
});
byId("cancel").addEventListener("click", () => {
  edit(null);
  // Cancel hides itself: the keyboard's place goes to the form it returned to, not to a hidden button.
  byId("user-name").focus();
});
byId("issued-done").addEventListener("click", () => showIssued(null));
await refresh();
document.body.dataset.ready = "true";

/** A row's refusal, at the top of the page above the rows; the form's shows under the form (#form-problem). */
function showProblem(error) {
  showRefusal(byId("problem"), error);
}

/** A new action starts: the last one's outcome or refusal is over, and must not stand beside the next one's. */
function clearOutcomes() {
  clearOutcome();
  showRefusal(byId("problem"), null);
  showRefusal(byId("form-problem"), null);
}

/**
 * What a change does to the person, said before it is made: every change ends their sessions, and some return the
 * cases they hold to the queue (UserAccounts on the server). The page does not know how many they hold, so it says "any".
 */
function consequences(returnsCases) {
  return returnsCases
    ? "Their sessions end now, and any cases they hold go back to the queue."
    : "Their sessions end now.";
}

function showIssued(issued) {
  byId("issued").hidden = !issued;
  byId("issued-name").textContent = issued?.account.userName ?? "";
  byId("issued-password").textContent = issued?.oneTimePassword ?? "";
  if (issued) {
    byId("issued").scrollIntoView({ block: "nearest" });
  }
}

async function refresh() {
  try {
    renderAccounts(await getJson("/api/admin/accounts"));
  } catch (error) {
    showProblem(error);
  }
}

function list(text) {
  return text.split(",").map((item) => item.trim()).filter(Boolean);
}

/** A row's action reads short, since the row names the account; its accessible name (`label`) says which account. */
function rowButton(text, label) {
  return el("button", { type: "button", class: "link", text, "aria-label": label });
}

/** A row's action; `question`, when given, is asked first, and Cancel leaves the page as it was. */
function actionButton(text, label, question, work) {
  const button = rowButton(text, label);
  button.addEventListener("click", () => {
    if (question && !window.confirm(question)) {
      return;
    }
    whileBusy(button, async () => {
      clearOutcomes();
      try {
        await work();
        await refresh();
      } catch (error) {
        showProblem(error);
      }
    });
  });
  return button;
}

function renderAccounts(accounts) {
  byId("accounts").replaceChildren(...accounts.map((account) => {
    const path = `/api/admin/accounts/${encodeURIComponent(account.userName)}`;
    const holdsCases = CASE_ROLES.includes(account.role);
    const toggle = account.enabled
      ? actionButton("Disable", `Disable ${account.userName}`, `Disable ${account.userName}? ${consequences(holdsCases)}`, async () => {
        await postJson(`${path}/disable`);
        sayOutcomeInView(`${account.userName} is disabled; their sessions have ended.`);
      })
      : actionButton("Enable", `Enable ${account.userName}`, null, async () => {
        await postJson(`${path}/enable`);
        sayOutcomeInView(`${account.userName} may sign in again.`);
      });
    const reset = actionButton("Reset password", `Reset password of ${account.userName}`,
      `Reset the password of ${account.userName}? ${consequences(holdsCases)} They sign in next with a one-time password, shown here once, and choose their own.`,
      async () => {
        if (!resetRequests.has(account.userName)) {
          resetRequests.set(account.userName, crypto.randomUUID());
        }
        try {
          showIssued(await postJson(`${path}/password-reset`, { requestId: resetRequests.get(account.userName) }));
          resetRequests.delete(account.userName);
        } catch (error) {
          if (error.status !== 0) {
            resetRequests.delete(account.userName);
          }
          throw error;
        }
      });
    const change = rowButton("Change", `Change ${account.userName}`);
    change.addEventListener("click", () => {
      clearOutcomes();
      edit(account);
    });
    return el("tr", { dataset: { userName: account.userName } },
      el("td", { text: account.userName }),
      el("td", { text: roleName(account.role) }),
      languagesCell(account),
      el("td", { text: account.enabled ? "Enabled" : "Disabled" }),
      el("td", { text: account.twoFactorEnrolled ? "Enrolled" : "Not enrolled" }),
      el("td", { text: account.lastSignInAt ? clockText(account.lastSignInAt) : account.mustChangePassword ? "Not yet (one-time password)" : "Never" }),
      el("td", { class: "actions" }, change, reset, toggle));
  }));
}

/**
 * The languages an account answers cases in, or (a reviewer) corrects translations in; a role that uses none (admin, NGO
 * partner) has no use for them, whatever is stored. The Development admin read "English, Arabic, Hindi, ..." (all 14), as if it
 * took cases in them; a reviewer of Nepali read "– (works on no cases)" while her translations page let her edit Nepali.
 */
function languagesCell(account) {
  return LANGUAGE_ROLES.includes(account.role)
    ? el("td", { text: account.languages.map(languageName).join(", ") })
    : el("td", { class: "muted", title: "This role uses no language here", text: "– (uses no language)" });
}

function edit(account) {
  editing = account;
  byId("form-title").textContent = account ? `Change ${account.userName}` : "Add an account";
  byId("save").textContent = account ? "Save role and languages" : "Add account";
  byId("cancel").hidden = !account;
  byId("user-name").value = account?.userName ?? "";
  byId("user-name").readOnly = Boolean(account);
  byId("role").value = account?.role.toLowerCase() ?? "caseworker";
  byId("languages").value = account?.languages.join(", ") ?? "";
  if (account) {
    // The whole form, its Save button too, comes into view: focusing the first field alone left Save below the fold.
    byId("account-form").closest("section").scrollIntoView({ block: "nearest" });
    byId("role").focus({ preventScroll: true });
  }
}

/**
 * The form's role and languages against the account's: whether anything would change and, if so, the question that
 * says what the change does.
 */
function accessChange(account) {
  const role = ROLES.find((name) => name.toLowerCase() === byId("role").value);
  const languages = [...new Set(list(byId("languages").value).map((tag) => tag.toLowerCase()))];
  const same = role === account.role && languages.length === account.languages.length
    && languages.every((tag) => account.languages.includes(tag));
  if (same) {
    return { same };
  }
  const returnsCases = CASE_ROLES.includes(account.role) && !CASE_ROLES.includes(role);
  const speaking = languages.length > 0 ? ` in ${languages.map(languageName).join(", ")}` : "";
  return { question: `Change ${account.userName} to ${roleName(role)}${speaking}? ${consequences(returnsCases)}` };
}

async function save(change) {
  clearOutcomes();
  const body = { role: byId("role").value, languages: list(byId("languages").value) };
  try {
    if (editing && change.same) {
      sayOutcomeInView(`${editing.userName} already has this role and these languages; nothing is changed.`);
    } else if (editing) {
      await putJson(`/api/admin/accounts/${encodeURIComponent(editing.userName)}/access`, body);
      sayOutcomeInView(`${editing.userName} is changed; their sessions have ended.`);
    } else {
      addRequest ??= crypto.randomUUID();
      const issued = await postJson("/api/admin/accounts", { ...body, requestId: addRequest, userName: byId("user-name").value });
      addRequest = null;
      showIssued(issued);
      sayOutcomeInView(`${issued.account.userName} is added.`);
    }
    edit(null);
    await refresh();
  } catch (error) {
    if (error.status !== 0) {
      addRequest = null;
    }
    showRefusal(byId("form-problem"), error);
  }
}
