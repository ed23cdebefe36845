// Who read the open case (supervisors only): "Opened by Ravi at 14:02", newest first.
import { getJson } from "./api.js";
import { byId, el } from "./dom.js";
import { SUPERVISING_ROLES } from "./session.js";
import { clockText } from "./format.js";

// Every action the access history answers with (CaseReads in Hotline.Api/Accountability/AuditEndpoints.cs).
const VERBS = {
  "case.opened": "Opened",
  "case.fetched": "Fetched through the API",
  "case.closed-read": "Read after it was closed",
  "case.referrals-read": "Referrals read",
  "case.earlier-read": "The person's earlier cases read",
};

// Reads the console makes itself when it opens a case: its referrals, and a returning person's earlier cases.
const VISIT_READS = ["case.referrals-read", "case.earlier-read"];

// Opening a case in the console also reads its referrals (and a returning person's earlier cases), more audit rows a
// moment later: one visit, shown once.
const SAME_VISIT_MS = 60_000;
// Repeats further apart than this are separate lines: a supervisor cannot open the audit page to see the times between.
const REPEAT_WINDOW_MS = 15 * 60_000;

export async function showAccessHistory(session, caseId) {
  if (!SUPERVISING_ROLES.includes(session.role)) {
    return;
  }
  byId("access-section").hidden = false;
  const list = byId("access-history");
  try {
    const entries = await getJson(`/api/cases/${caseId}/access-history`);
    list.replaceChildren(...(entries.length === 0
      ? [el("li", { class: "muted", text: "Nobody has opened this case yet." })]
      : collapseRepeats(withoutVisitReads(entries)).map(item)));
  } catch (error) {
    list.replaceChildren(el("li", { class: "refusal", text: error.message }));
  }
}

function item({ entry, times, firstAt }) {
  const verb = VERBS[entry.action] ?? "Read";
  const when = times === 1
    ? `at ${clockText(entry.occurredAt)}`
    : `${times} times, ${clockText(firstAt)} to ${clockText(entry.occurredAt)}`;
  return el("li", { dataset: { action: entry.action, outcome: entry.outcome, times } },
    `${verb} by ${entry.actorName} ${when}`, entry.outcome === "refused" ? " (refused)" : "");
}

/** Drops the reads that came with an opening of the case by the same person (the entries are newest first). */
function withoutVisitReads(entries) {
  return entries.filter((entry, index) => {
    if (!VISIT_READS.includes(entry.action)) {
      return true;
    }
    const opening = entries.slice(Math.max(0, index - 2), index + 3).find((other) => other.action === "case.opened"
      && other.actorName === entry.actorName && other.outcome === entry.outcome
      && Math.abs(Date.parse(other.occurredAt) - Date.parse(entry.occurredAt)) <= SAME_VISIT_MS);
    return !opening;
  });
}

/**
 * Runs of the same read by the same person with the same outcome, each within a quarter of an hour of the one before,
 * are one line with a count: each is a separate audit row (the audit trail page lists every one), but a supervisor asks
 * who read the case, not how often a console reloaded.
 */
function collapseRepeats(entries) {
  const runs = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last && last.entry.action === entry.action && last.entry.actorName === entry.actorName && last.entry.outcome === entry.outcome
      && Date.parse(last.firstAt) - Date.parse(entry.occurredAt) <= REPEAT_WINDOW_MS) {
      last.times += 1;
      last.firstAt = entry.occurredAt;
    } else {
      runs.push({ entry, times: 1, firstAt: entry.occurredAt });
    }
  }
  return runs;
}
