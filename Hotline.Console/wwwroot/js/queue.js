import { el } from "./dom.js";
import { PRIORITY_RANK, languageName, channelName, reasonText, conversationStatusText, durationText, secondsSince, clockText, caseReference } from "./format.js";

const OPEN = new Set(["Queued", "Claimed"]);

// Until when nothing can be sent to a person who went quiet or opted out: the server refuses a reply too (Outbox/OutboundWriter.cs).
const SILENT_UNTIL = {
  Quiet: "until they say it is safe to write",
  OptedOut: "until they send START",
};

/** Whether a reply can be sent to the person now: not after they went quiet or opted out, until they write again. */
export function mayBeWrittenTo(summary) {
  return !Object.hasOwn(SILENT_UNTIL, summary.conversationStatus);
}

/** The case view's words for a WhatsApp window closed with nothing to reopen it (case-render.js), and a held case's card's. */
export const WINDOW_CLOSED = "WhatsApp window closed: a reply waits for the person to write";

/** Said where a case's clock would be when nobody can write to the person: nobody owes a reply that cannot be sent. */
export const NO_REPLY_CAN_BE_SENT = "no reply can be sent";

/** Said beside a Critical case or figure whose person nobody can write to now. */
export const CANNOT_BE_WRITTEN_TO = "cannot be written to";

/** How many Critical cases in the queue nobody can write to now (they went quiet or opted out). */
export function silentCritical(figures) {
  return figures.cannotBeWrittenToByPriority.Critical ?? 0;
}

/**
 * In the order "Take next case" takes them (Cases_ClaimNext): people waiting for a reply, Critical first, then Critical
 * people nobody can write to now, then the other people waiting, then cases answered with nothing new, then the other people
 * nobody can write to; within each the most urgent (a Critical person in danger right now before the other Critical cases),
 * then the longest in the queue.
 */
export function byUrgency(a, b) {
  return takeRank(a) - takeRank(b)
    || (PRIORITY_RANK[b.priority] ?? 0) - (PRIORITY_RANK[a.priority] ?? 0)
    || Number(b.inDangerNow === true) - Number(a.inDangerNow === true)
    || Date.parse(a.queuedAt) - Date.parse(b.queuedAt)
    || a.id.localeCompare(b.id);
}

/**
 * The cases she holds: first those whose person waits for her reply (one she cannot write to now does not), nobody but her can
 * answer them, the gravest band first
 * (a person in danger now first among the Critical), then the longest waiting; then the rest in the queue's order. A held
 * Critical person nobody can write to now does not come before a person who waits for her reply.
 */
export function heldFirst(a, b) {
  const since = (c) => awaitsHerSince(c);
  return Number(since(a) == null) - Number(since(b) == null)
    || (since(a) != null
      ? (PRIORITY_RANK[b.priority] ?? 0) - (PRIORITY_RANK[a.priority] ?? 0)
        || Number(b.inDangerNow === true) - Number(a.inDangerNow === true)
        || Date.parse(since(a)) - Date.parse(since(b))
      : 0)
    || byUrgency(a, b);
}

/**
 * True for a WhatsApp case whose 24-hour window has closed with no re-engagement template configured (the server says from
 * when, `repliesRefusedFrom`): a reply is refused until the person writes again, so nobody can answer them now.
 */
export function repliesRefused(summary, now = Date.now()) {
  return summary.repliesRefusedFrom != null && Date.parse(summary.repliesRefusedFrom) <= now;
}

/** Since when the person of a case she holds has waited for her reply; null when none is owed, or none can be sent now. */
function awaitsHerSince(summary) {
  return repliesRefused(summary) ? null : waitingSince(summary);
}

/**
 * A case she holds whose person waits for her reply, and since when: "Waiting for your reply · 12 min 04 s". A WhatsApp person
 * whose window closed with nothing to reopen it waits for nobody's reply: the card says what the case view says of it. It read
 * "Waiting for your reply" there, a reply she could not send (docs/casework.md).
 */
export function awaitsYouMark(summary, selfId) {
  if (summary.status !== "Claimed" || summary.assigneeId !== selfId || waitingSince(summary) == null) {
    return null;
  }
  const since = awaitsHerSince(summary);
  return since == null
    ? el("span", { class: "window-closed", title: "WhatsApp delivers a reply only within 24 hours of the person's last message", text: WINDOW_CLOSED })
    : el("span", { class: "awaits-you", title: "The person's last message has no reply: only you can answer it while you hold the case" },
      "Waiting for your reply · ", waitingTime(since));
}

/** Why a case is listed before earlier Critical cases: the person answered the danger question yes, or wrote an urgent word. */
export function inDangerNowMark(summary) {
  return summary.inDangerNow === true
    ? el("span", { class: "in-danger-now", title: "The person said they are in danger right now, or wrote an urgent word or a cry for help: taken before the other Critical cases", text: "In danger now" })
    : null;
}

/** The open cases this person may see, by id. Applying the same summary twice, or an older one, changes nothing. */
export class QueueModel {
  constructor(session) {
    this.session = session;
    this.cases = new Map();
    this.seesAll = session.role === "Supervisor";
    this.languages = new Set(session.languages.map((l) => l.toLowerCase()));
  }

  maySee(summary) {
    // A case whose language is not known yet ("und") is offered to every caseworker, as the server does.
    return this.seesAll || summary.assigneeId === this.session.userId || summary.language === "und"
      || this.languages.has(summary.language.toLowerCase());
  }

  replaceAll(cases) {
    this.cases = new Map(cases.filter((c) => OPEN.has(c.status)).map((c) => [c.id, c]));
  }

  /** Returns "added", "updated", "removed" or null (nothing changed). */
  apply(summary) {
    const existing = this.cases.get(summary.id);
    if (existing && existing.version > summary.version) {
      return null;
    }
    if (!OPEN.has(summary.status) || !this.maySee(summary)) {
      return this.cases.delete(summary.id) ? "removed" : null;
    }
    this.cases.set(summary.id, summary);
    return existing ? "updated" : "added";
  }

  /** Drops a case the server says this person may no longer see; true when it was shown. */
  forget(caseId) {
    return this.cases.delete(caseId);
  }

  waiting() {
    return [...this.cases.values()].filter((c) => c.status === "Queued").sort(byUrgency);
  }

  /** The cases this person holds: those whose person waits for her reply first (heldFirst). */
  mine() {
    return [...this.cases.values()].filter((c) => c.status === "Claimed" && c.assigneeId === this.session.userId).sort(heldFirst);
  }

  withColleagues() {
    return [...this.cases.values()].filter((c) => c.status === "Claimed" && c.assigneeId !== this.session.userId).sort(byUrgency);
  }
}

/**
 * 0: Critical, a reply is owed; 1: Critical, nothing can be sent to them now (what they wrote is still to be read and acted
 * on); 2: a reply is owed; 3: answered, nothing new from the person since; 4: nothing can be sent to them now.
 */
function takeRank(summary) {
  const critical = summary.priority === "Critical";
  if (!mayBeWrittenTo(summary)) {
    return critical ? 1 : 4;
  }
  if (waitingSince(summary) == null) {
    return 3;
  }
  return critical ? 0 : 2;
}

export function priorityBadge(priority) {
  return el("span", { class: `priority priority-${priority.toLowerCase()}`, text: priority });
}

/**
 * While the intake still asks, the band is provisional: answers may raise or lower it. A person who sent STOP is asked
 * nothing until they send START (the intake then asks again where it stopped): the intake is not in progress, and the
 * note says where they opted out.
 */
export function intakeNote(summary) {
  if (summary.intakeQuestion == null) {
    return null;
  }
  const where = `intake question ${summary.intakeQuestion} of ${summary.intakeQuestions}`;
  return el("span", { class: "provisional", text: summary.conversationStatus === "OptedOut" ? `provisional · opted out at ${where}` : `provisional · ${where}` });
}

export function waitingTime(queuedAt) {
  return el("time", { datetime: queuedAt, dataset: { since: queuedAt }, text: durationText(secondsSince(queuedAt)) });
}

/**
 * Since when the person has waited for a human reply: since queued when nobody has answered yet, since their first message
 * after the last caseworker reply when they wrote again; or null: answered, and nothing new from them, or nobody can write
 * to them now (they went quiet or opted out), so nobody owes them a reply yet (docs/casework.md).
 */
export function waitingSince(summary) {
  if (!mayBeWrittenTo(summary)) {
    return null;
  }
  return summary.answeredAt == null ? summary.queuedAt : summary.unansweredSince ?? null;
}

const REFERRAL_STAGES = { sent: "Referral sent", accepted: "Referral accepted", completed: "Referral completed", declined: "Referral declined", withdrawn: "Referral withdrawn" };

/**
 * The referral badge, styled by its stage (`referral-declined`, ...): a declined or withdrawn referral leaves the person still
 * needing a partner, and is marked as a warning. All stages wore the same green, and "Referral declined" read as done.
 */
function referralStage(stage) {
  const ended = stage === "declined" || stage === "withdrawn";
  return el("span", {
    class: `referral-stage referral-${stage}`,
    title: ended ? "No partner took this referral: the person still needs one" : null,
    text: REFERRAL_STAGES[stage] ?? `Referral ${stage}`,
  });
}

/** The person wrote after the last caseworker reply: what the supervisor view marks as new (nobody there reads the case). */
export function wroteAfterReply(summary) {
  return summary.answeredAt != null && summary.unansweredSince != null;
}

/**
 * What happened before the case came back to the queue: a reply, a referral, and whether the person wrote something new,
 * `newMessage` saying why it is new (null: nothing is). The console marks what its caseworker has not been shown yet.
 */
export function historyMarks(summary, newMessage = wroteAfterReply(summary) ? "The person wrote after the last caseworker reply" : null) {
  return [
    newMessage ? el("span", { class: "unread", title: newMessage, text: "New message" }) : null,
    summary.answeredAt != null
      ? el("span", { class: "answered", title: "A caseworker has replied in this case", text: `Answered before · last reply ${clockText(summary.answeredAt)}` })
      : null,
    summary.referral ? referralStage(summary.referral) : null,
  ];
}

/** A person who had a case before: the queue and the supervisor view mark them alike. */
export function returningMark(summary) {
  return summary.earlierCases > 0 ? el("span", { class: "returning", title: "This person had a case before", text: "Returning" }) : null;
}

export function reasonChips(reasons) {
  return reasons.length > 0
    ? el("span", { class: "reasons" }, reasons.map((r) => el("span", { class: "reason", text: reasonText(r) })))
    : null;
}

/** Why nothing reaches the person now (opted out, gone quiet) and until when, or nothing when they can be written to. */
export function conversationNote(summary) {
  const status = conversationStatusText(summary.conversationStatus, summary.conversationStatusReason);
  const until = SILENT_UNTIL[summary.conversationStatus];
  return status ? el("span", { class: "conversation-status", text: until ? `${status}. Nothing can be sent ${until}.` : status }) : null;
}

/**
 * One case's card. `view` says how this console sees it: `selectedId` (the case on screen), `selfId` (who is signed in),
 * `isNew(summary)` (the person wrote something this console has not shown) and `personWroteAt(caseId)` (when the person last
 * wrote, where known: the cases one holds).
 */
function caseItem(summary, view) {
  const yours = summary.status === "Claimed" && summary.assigneeId === view.selfId;
  return el("li", { class: "case-item", dataset: { caseId: summary.id, priority: summary.priority, status: summary.status } },
    el("button", { type: "button", class: "case-open", "aria-current": summary.id === view.selectedId ? "true" : null, dataset: { caseId: summary.id } },
      el("span", { class: "case-line" },
        priorityBadge(summary.priority),
        inDangerNowMark(summary),
        el("span", { class: "case-reference", text: `Case ${caseReference(summary.id)}` }),
        awaitsYouMark(summary, view.selfId),
        intakeNote(summary),
        ...historyMarks(summary, view.isNew(summary) ? "The person wrote something this screen has not shown you yet" : null),
        returningMark(summary),
        el("span", { class: "case-language", text: languageName(summary.language) }),
        el("span", { class: "case-channel", text: channelName(summary.channel) }),
        caseWaiting(summary)),
      reasonChips(summary.reasons),
      summary.status === "Claimed"
        ? el("span", { class: "case-assignee" }, yours ? "Yours" : `With ${summary.assigneeName ?? "a colleague"}`,
          yours ? personWrote(view.personWroteAt(summary.id)) : null)
        : null,
      conversationNote(summary)));
}

/** When the person last wrote, beside "Yours": what tells apart cases of one band, language and channel, without their words. */
function personWrote(at) {
  return at ? el("span", { class: "person-wrote" }, " · last message from the person ", el("time", { datetime: new Date(at).toISOString(), text: clockText(at) })) : null;
}

/**
 * How long the case has been open (held), or how long the person has waited for a reply (in the queue). A held case's is said
 * as the case view says it, "open since queued": a bare "open 40 min" beside "Waiting for your reply · 12 min" read as a
 * second, different wait.
 */
function caseWaiting(summary) {
  if (summary.status !== "Queued") {
    return el("span", { class: "case-waiting" }, el("span", { class: "case-open-for", text: "open since queued " }), waitingTime(summary.queuedAt));
  }
  if (!mayBeWrittenTo(summary)) {
    // No clock: nobody owes a reply that cannot be sent. conversationNote, under it, says what the person did and until when.
    return el("span", { class: "case-waiting case-silent", text: NO_REPLY_CAN_BE_SENT });
  }
  const since = waitingSince(summary);
  return since == null
    ? el("span", { class: "case-waiting case-back", text: "back in the queue, nothing new since the reply" })
    : el("span", { class: "case-waiting" },
      el("span", { class: "visually-hidden", text: summary.answeredAt == null ? "waiting " : "waiting since the new message " }),
      waitingTime(since));
}

/** Redraws one list, keeping keyboard focus on the case it was on. */
export function renderList(list, cases, view, emptyText) {
  replaceKeepingFocus(list, cases.length === 0
    ? [el("li", { class: "empty", text: emptyText })]
    : cases.map((c) => caseItem(c, view)));
}

// The queue's groups, in the order "Take next case" takes them (by takeRank): each is headed once, with how many cases it
// holds. The cases that wait for nobody (answered with nothing new, people nobody can write to) are never under a "waiting"
// heading; the console's figures say "Nothing can be sent to" of the people of both groups headed so, as these headings do.
const GROUPS = [
  { name: "critical-waiting", heading: "Critical, waiting for a reply" },
  { name: "critical-silent", heading: "Critical, nothing can be sent to them now" },
  { name: "waiting", heading: "Waiting for a reply" },
  { name: "answered", heading: "Answered, nothing new since the reply" },
  { name: "silent", heading: "Nothing can be sent to them now" },
];

/**
 * Redraws the queue in the order "Take next case" takes them, each group under one heading with its count (`emptyText`
 * first when nobody waits for a reply).
 */
export function renderQueueList(list, cases, view, emptyText) {
  const items = cases.some((c) => waitingSince(c) != null) ? [] : [el("li", { class: "empty", text: emptyText })];
  GROUPS.forEach((group, rank) => {
    const members = cases.filter((c) => takeRank(c) === rank);
    if (members.length > 0) {
      items.push(el("li", { class: "queue-group", dataset: { group: group.name } },
        el("h3", {}, group.heading, " ", el("span", { class: "count", text: String(members.length) }))));
      items.push(...members.map((c) => caseItem(c, view)));
    }
  });
  replaceKeepingFocus(list, items);
}

function replaceKeepingFocus(list, items) {
  const focusedId = document.activeElement?.closest?.("[data-case-id]")?.dataset.caseId;
  const focusWasInside = list.contains(document.activeElement);
  list.replaceChildren(...items);
  if (focusWasInside && focusedId) {
    list.querySelector(`button[data-case-id="${CSS.escape(focusedId)}"]`)?.focus();
  }
}
