// The admin's audit trail: who read or changed what. Filter, page back through older rows, export as CSV.
import { getJson } from "./api.js";
import { byId, el, whileBusy } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";
import { caseReference, utcText } from "./format.js";

// Every code of AuditActions (Hotline.Api/Accountability/AuditEntry.cs), in its order; a test holds the two together.
const ACTIONS = [
  "case.opened", "case.fetched", "case.taken-over", "case.closed-read", "case.referrals-read", "case.earlier-read",
  "media.viewed", "media.original-downloaded",
  "statistics.exported", "partner-inbox.read", "partner-inbox.item-read", "partner-inbox.photo-read",
  "signin.succeeded", "signin.failed", "signin.locked-out", "user.added", "user.disabled", "user.enabled", "user.access-changed",
  "user.password-reset", "user.password-changed", "user.organisation-changed", "partner.created",
  "partner.updated", "sims.imported", "person.erased", "retention.swept", "keys.rotated", "access.refused", "audit.searched", "audit.exported",
  "translation.corrected", "translation.reviewed",
];

// The actions whose subject is a case's id (AuditActions; docs/accountability.md, "Actions").
const CASE_ACTIONS = new Set(["case.opened", "case.fetched", "case.taken-over", "case.closed-read", "case.referrals-read"]);
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const session = await requireSession(["Admin"], "Only administrators read the audit trail.");
showSignedIn(session);
let query = new URLSearchParams();
// Why subjects show as ids, when the names could not be read; said after every page of entries, not wiped by one.
let namesProblem = "";
const subjectNames = await readableSubjects();

byId("action").replaceChildren(el("option", { value: "", text: "Any action" }), ...ACTIONS.map((a) => el("option", { value: a, text: a })));
byId("audit-filter").addEventListener("submit", async (event) => {
  event.preventDefault();
  query = filters();
  byId("export").href = `/api/admin/audit/csv?${query}`;
  await show(null, false);
});
byId("older").addEventListener("click", () => whileBusy(byId("older"), () => show(byId("older").dataset.before, true)));
await show(null, false);
document.body.dataset.ready = "true";

/** The form's filters as query parameters; a "To" date includes the whole day. */
function filters() {
  const params = new URLSearchParams();
  for (const name of ["actor", "action", "subject"]) {
    const value = byId(name).value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  if (byId("since").value) {
    params.set("since", `${byId("since").value}T00:00:00Z`);
  }
  if (byId("before").value) {
    const day = new Date(`${byId("before").value}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    params.set("before", day.toISOString());
  }
  return params;
}

async function show(beforeSequence, append) {
  const params = new URLSearchParams(query);
  if (beforeSequence) {
    params.set("beforeSequence", beforeSequence);
  }
  try {
    const page = await getJson(`/api/admin/audit?${params}`);
    const rows = page.entries.map((entry) => el("tr", { dataset: { sequence: entry.sequence, action: entry.action } },
      el("td", { class: "number", text: entry.sequence }),
      el("td", { class: "time", text: utcText(entry.occurredAt) }),
      el("td", { text: entry.actorName }),
      el("td", { text: entry.action }),
      subjectCell(entry.subject, entry.action),
      el("td", { text: entry.clientAddress ?? "" }),
      el("td", { text: entry.outcome })));
    if (append) {
      byId("entries").append(...rows);
    } else {
      byId("entries").replaceChildren(...(rows.length === 0
        ? [el("tr", {}, el("td", { colspan: 7, class: "empty", text: "No entry matches." }))]
        : rows));
    }
    byId("older").hidden = page.older === null;
    byId("older").dataset.before = page.older ?? "";
    byId("status-message").textContent = namesProblem;
  } catch (error) {
    byId("status-message").textContent = error.message;
  }
}

/**
 * The accounts' and partners' names by id, so that a subject reads as a name. Only those: a case, a referral or a
 * person is never named here (the audit trail records ids, never a name or a number, and the page keeps it so).
 */
async function readableSubjects() {
  const names = new Map();
  try {
    const [accounts, partners] = await Promise.all([getJson("/api/admin/accounts"), getJson("/api/admin/partners")]);
    accounts.forEach((account) => names.set(account.id, { name: account.userName, kind: "account" }));
    partners.forEach((partner) => names.set(partner.id, { name: partner.name, kind: "partner" }));
  } catch (error) {
    // The ids alone still say everything; the names only help to read them, and the page says why they are missing.
    namesProblem = `Subjects show as ids: the names could not be read (${error.message}).`;
  }
  return names;
}

/**
 * A subject by its name where the page knows one, a case by the reference the console names it by ("Case 20777861", which
 * the "Subject" filter finds), the whole id kept in the cell's title either way.
 */
function subjectCell(subject, action) {
  if (subject && CASE_ACTIONS.has(action) && ID.test(subject)) {
    return el("td", { class: "subject", title: subject, dataset: { subject } }, `Case ${caseReference(subject)}`);
  }
  const known = subject ? subjectNames.get(subject) : null;
  if (!known) {
    return el("td", { class: "subject", text: subject ?? "" });
  }
  return el("td", { class: "subject", title: subject, dataset: { subject } },
    known.name, " ", el("span", { class: "muted", text: known.kind }));
}
