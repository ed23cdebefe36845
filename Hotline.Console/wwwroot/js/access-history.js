// Who read the open case (supervisors and admins only): "Opened by Ravi at 14:02", newest first.
import { getJson } from "./api.js";
import { byId, el } from "./dom.js";
import { SUPERVISING_ROLES } from "./session.js";
import { clockText } from "./format.js";

const VERBS = { "case.opened": "Opened", "case.fetched": "Fetched through the API", "case.referrals-read": "Referrals read" };

export async function showAccessHistory(session, caseId) {
  if (!SUPERVISING_ROLES.includes(session.role)) {
    return;
  }
  const list = byId("access-history");
  try {
    const entries = await getJson(`/api/cases/${caseId}/access-history`);
    list.replaceChildren(...(entries.length === 0
      ? [el("li", { class: "muted", text: "Nobody has opened this case yet." })]
      : entries.map((entry) => el("li", { dataset: { action: entry.action, outcome: entry.outcome } },
        `${VERBS[entry.action] ?? entry.action} by ${entry.actorName} at ${clockText(entry.occurredAt)}`,
        entry.outcome === "refused" ? " (refused)" : ""))));
  } catch (error) {
    list.replaceChildren(el("li", { class: "refusal", text: error.message }));
  }
}
