import { getJson, postJson } from "./api.js";
import { byId, el } from "./dom.js";
import { requireSession, showSignedIn, SUPERVISING_ROLES, roleName } from "./session.js";
import { Live } from "./live.js";
import {
  byUrgency, priorityBadge, waitingTime, waitingSince, mayBeWrittenTo, NO_REPLY_CAN_BE_SENT, CANNOT_BE_WRITTEN_TO, historyMarks, intakeNote,
  returningMark, reasonChips, conversationNote, silentCritical, inDangerNowMark,
} from "./queue.js";
import { languageName, channelName, durationText, clockText, startTicking, caseReference } from "./format.js";
import { beingAnswered } from "./header-figures.js";

// Before the first await: the module's top level awaits, and the first refresh already draws these.
const QUARANTINE_SOURCES = {
  "outbox": "Reply waiting to be sent",
  "conversation": "Conversation (intake timer)",
  "case-event": "Case event (live updates)",
  "statistics-facts": "Statistics of a case",
};

const QUARANTINE_REASONS = { undecryptable: "Does not decrypt", unparseable: "Does not parse" };

const session = await requireSession(SUPERVISING_ROLES, "Only supervisors see this view.");
showSignedIn(session);

let refreshTimer = null;
let loading = null;

// Every push means the overview may be stale: fetch it again, at most a few times a second.
const refreshSoon = () => {
  if (refreshTimer === null) {
    refreshTimer = window.setTimeout(() => {
      refreshTimer = null;
      refresh();
    }, 300);
  }
};

const refresh = async () => {
  if (loading) {
    refreshSoon();
    return;
  }
  try {
    loading = getJson("/api/supervisor/overview");
    const overview = await loading;
    render(overview);
    renderQuarantine(await getJson("/api/quarantine"));
    // The overview is the truth up to its sequence number: resyncs only need what came after.
    live.lastSequence = Math.max(live.lastSequence, overview.queue.lastSequence);
    // A failed read's message is over once a read works; what a take-over said stays.
    if (byId("status-message").dataset.failedRead === "true") {
      byId("status-message").textContent = "";
      delete byId("status-message").dataset.failedRead;
    }
  } catch (error) {
    byId("status-message").textContent = error.message;
    byId("status-message").dataset.failedRead = "true";
  } finally {
    loading = null;
  }
};

const live = new Live({
  caseChanged: refreshSoon,
  caseEvent: refreshSoon,
  statisticsChanged: refreshSoon,
  reconnected: refreshSoon,
  reload: refresh,
  stateChanged: (state) => {
    const badge = byId("connection");
    badge.dataset.state = state;
    badge.textContent = state === "connected" ? "Live" : state === "reconnecting" ? "Connection lost — reconnecting…" : "Connecting…";
  },
});

await refresh();
startTicking();
await live.start();
document.body.dataset.ready = "true";

/** A Critical case whose language team is closed waits for nobody: every supervisor sees it at the top until it is taken. */
function renderCriticalOutsideHours(cases) {
  const banner = byId("critical-outside-hours");
  banner.hidden = cases.length === 0;
  banner.replaceChildren(...(cases.length === 0 ? [] : [
    el("strong", { text: "Critical, outside its team's hours: " }),
    ...cases.flatMap((c, i) => [i > 0 ? ", " : "", el("a", { href: `/console/#case=${c.id}`, dataset: { caseId: c.id }, text: languageName(c.language) }),
      // Still to be read and referred, and someone must be ready when the person says it is safe: but no reply can go.
      mayBeWrittenTo(c) ? "" : ` · ${CANNOT_BE_WRITTEN_TO}`]),
    ". Nobody on the team reads it before they open: take it or call someone in.",
  ]));
}

function render(overview) {
  renderStatistics(overview.statistics);

  const cases = [...overview.queue.cases].sort(byUrgency);
  renderCriticalOutsideHours(cases.filter((c) => overview.criticalOutsideHours.includes(c.id)));
  const unanswerable = new Set(overview.unanswerable);
  byId("overview-cases").replaceChildren(...(cases.length === 0
    ? [el("tr", {}, el("td", { colspan: 8, class: "empty", text: "No open case." }))]
    : cases.map((c) => el("tr", { dataset: { caseId: c.id, status: c.status, unanswerable: unanswerable.has(c.id) ? "true" : null } },
      el("td", {}, el("a", { href: `/console/#case=${c.id}` }, "Open ", el("span", { class: "case-reference", text: caseReference(c.id) }))),
      el("td", {}, el("span", { class: "case-line" }, priorityBadge(c.priority), inDangerNowMark(c), returningMark(c), ...historyMarks(c))),
      el("td", {}, languageName(c.language),
        unanswerable.has(c.id) ? el("strong", { class: "unanswerable", text: " · nobody on shift speaks it" }) : null),
      el("td", { text: channelName(c.channel) }),
      el("td", { text: stateText(c) }),
      el("td", {}, c.assigneeName ?? "—", takeOverButton(c)),
      el("td", {}, waitingCell(c)),
      el("td", {}, el("span", { class: "case-line" },
        intakeNote(c),
        reasonChips(c.reasons) ?? el("span", { class: "muted", text: "No triage reasons recorded" }),
        conversationNote(c)))))));

  const languages = new Map(overview.staff.map((p) => [p.id, p.languages]));
  byId("overview-caseworkers").replaceChildren(...(overview.caseworkers.length === 0
    ? [el("tr", {}, el("td", { colspan: 4, class: "empty", text: "No caseworker accounts." }))]
    : overview.caseworkers.map((w) => el("tr", { dataset: { userId: w.userId } },
      el("td", { text: w.displayName }),
      el("td", { text: roleName(w.role) }),
      el("td", { class: "languages", text: (languages.get(w.userId) ?? []).map(languageName).join(", ") || "—" }),
      el("td", { class: "number", text: String(w.openCases) })))));
}

/**
 * Three groups of cards (docs/casework.md, "The supervisor view's figures"). The first counts people waiting for a reply by the
 * table's "Waiting for a reply" column: queued or taken, every clock there is in it. The second counts the Critical people
 * nobody can write to now, queued or taken: they wait for no reply, so a review found them misplaced under the first heading.
 * The third puts each open case in exactly one card, in the words of the table's "State" column. A newcomer's walk found
 * "Waiting for a reply 0" above two taken cases waiting 44 s and 5 min, and "Being answered 2" and "Taken, the person waiting
 * for a reply 2" counting the same two.
 */
function renderStatistics(s) {
  const taken = s.taken;
  const both = (queued, held) => String((queued ?? 0) + (held ?? 0));
  const oldest = Math.max(s.queued > 0 ? s.oldestWaitingSeconds : 0, taken.waiting > 0 ? taken.oldestWaitingSeconds : 0);
  byId("overview-waiting").replaceChildren(...[
    ["Waiting for a reply", both(s.queued, taken.waiting)],
    ["Critical, waiting for a reply", both(s.queuedByPriority.Critical, taken.waitingByPriority.Critical)],
    ["High, waiting for a reply", both(s.queuedByPriority.High, taken.waitingByPriority.High)],
  ].map(stat), el("div", { class: "stat" }, el("dt", { text: "Oldest waiting" }),
    el("dd", {}, s.queued + taken.waiting > 0
      ? el("time", { dataset: { since: new Date().toISOString(), offset: Math.floor(oldest) }, text: durationText(oldest) })
      : "—")));
  // Still Critical work (what they wrote is read, a partner called), in the words of the console's queue.
  byId("overview-cannot-be-written-to").replaceChildren(
    stat(["Critical, nothing can be sent to them now", both(silentCritical(s), taken.cannotBeWrittenToByPriority.Critical)]));
  byId("overview-open-cases").replaceChildren(...[
    ["In the queue, waiting for a reply", String(s.queued)],
    ["Back in the queue, answered", String(s.answered ?? 0)],
    ["In the queue, quiet until it is safe to write", String(s.quiet ?? 0)],
    ["In the queue, opted out (STOP)", String(s.optedOut ?? 0)],
    // Taken and never answered, or the person wrote since the reply: only the caseworker who holds it can answer.
    ["Taken, the person waiting for a reply", String(taken.waiting)],
    // Taken and answered, nothing new since. A taken case whose person went quiet or opted out was counted here too, though
    // no reply can be sent: it has its own card, in the words of the queue's.
    ["Being answered", String(beingAnswered(taken) ?? taken.beingAnswered)],
    // An older server sends no split: its "Being answered" still counts them, so this card would read a false 0.
    ...(beingAnswered(taken) == null ? [] : [["Taken, nothing can be sent to them now", String(taken.quiet + taken.optedOut)]]),
  ].map(stat));
}

function stat([label, value]) {
  return el("div", { class: "stat" }, el("dt", { text: label }), el("dd", {}, value));
}

/**
 * A case a caseworker holds can be taken over: she went home or is busy, and the person may wait for a reply nobody else could
 * send (docs/casework.md, "A supervisor takes over a held case"). Not offered for a case this supervisor holds herself.
 */
function takeOverButton(c) {
  if (c.status !== "Claimed" || c.assigneeId === session.userId) {
    return null;
  }
  const reference = caseReference(c.id);
  const button = el("button", { type: "button", class: "secondary take-over", text: `Take over ${reference}` });
  button.addEventListener("click", async () => {
    if (!window.confirm(`Take over case ${reference} from ${c.assigneeName ?? "its caseworker"}? It becomes yours to answer; their console is told, and they can no longer reply in it.`)) {
      return;
    }
    button.disabled = true;
    try {
      await postJson(`/api/supervisor/cases/${c.id}/take-over`);
      delete byId("status-message").dataset.failedRead;
      byId("status-message").replaceChildren(`You hold case ${reference} now. `,
        el("a", { href: `/console/#case=${c.id}`, text: `Open case ${reference} to reply` }));
    } catch (error) {
      delete byId("status-message").dataset.failedRead;
      byId("status-message").textContent = error.message;
      button.disabled = false;
    }
    refreshSoon();
  });
  return button;
}

/** A case answered before and back in the queue is not "waiting" as one nobody has answered, nor is one nobody can write to. */
function stateText(c) {
  if (c.status !== "Queued") {
    // Nobody can answer a taken person who went quiet or opted out: "Being answered" said otherwise beside "no reply can be sent".
    if (c.conversationStatus === "Quiet") {
      return "Taken, quiet";
    }
    if (c.conversationStatus === "OptedOut") {
      return "Taken, opted out";
    }
    return waitingSince(c) == null ? "Being answered" : c.answeredAt == null ? "Taken, not answered yet" : "Taken, new message";
  }
  if (c.conversationStatus === "Quiet") {
    return "In the queue, quiet";
  }
  if (c.conversationStatus === "OptedOut") {
    return "In the queue, opted out";
  }
  if (c.answeredAt == null) {
    return "Waiting";
  }
  return c.unansweredSince == null ? "Back in the queue (answered)" : "Back in the queue, new message";
}

/** How long the person has waited for a reply; or why nobody owes them one now (the last column says what they did). */
function waitingCell(c) {
  const since = waitingSince(c);
  if (since != null) {
    return waitingTime(since);
  }
  return el("span", { class: "muted", text: mayBeWrittenTo(c) ? "answered, nothing new" : NO_REPLY_CAN_BE_SENT });
}

function renderQuarantine(rows) {
  byId("quarantine-rows").replaceChildren(...(rows.length === 0
    ? [el("tr", {}, el("td", { colspan: 4, class: "empty", text: "None: every stored row could be read." }))]
    : rows.map((r) => el("tr", { dataset: { source: r.source } },
      el("td", { text: QUARANTINE_SOURCES[r.source] ?? r.source }),
      el("td", {}, el("code", { text: r.rowId })),
      el("td", { text: QUARANTINE_REASONS[r.reason] ?? r.reason }),
      el("td", {}, el("time", { datetime: r.quarantinedAt, text: clockText(r.quarantinedAt) }))))));
}
