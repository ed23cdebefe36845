// The admin's audit trail: who read or changed what. Filter, page back through older rows, export as CSV.
import { getJson } from "./api.js";
import { byId, el, whileBusy } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";

// Every code of AuditActions (Hotline.Api/Accountability/AuditEntry.cs), in its order; a test holds the two together.
const ACTIONS = [
  "case.opened", "case.fetched", "case.closed-read", "case.referrals-read", "media.viewed", "media.original-downloaded",
  "statistics.exported", "partner-inbox.read", "partner-inbox.item-read", "partner-inbox.photo-read",
  "signin.succeeded", "signin.failed", "signin.locked-out", "user.added", "user.disabled", "user.enabled", "user.access-changed",
  "user.password-reset", "user.password-changed", "user.organisation-changed", "partner.created",
  "partner.updated", "sims.imported", "person.erased", "retention.swept", "keys.rotated", "audit.searched", "audit.exported",
  "translation.corrected", "translation.reviewed",
];

// Staff who open it by hand are told whose page it is; NGO accounts are sent to their own start page.
const session = await requireSession(["Caseworker", "Supervisor", "Admin"]);
showSignedIn(session);
let query = new URLSearchParams();

if (session.role !== "Admin") {
  byId("audit").replaceChildren(el("p", { class: "notice", text: "Only administrators read the audit trail." }));
} else {
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
}

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
      el("td", { text: entry.occurredAt.replace("T", " ").replace(/\.\d+Z$|Z$/, "") }),
      el("td", { text: entry.actorName }),
      el("td", { text: entry.action }),
      el("td", { text: entry.subject ?? "" }),
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
    byId("status-message").textContent = "";
  } catch (error) {
    byId("status-message").textContent = error.message;
  }
}
