import { getJson } from "./api.js";
import { byId } from "./dom.js";
import { requireCaseworkSession, showSignedIn } from "./session.js";
import { Live } from "./live.js";
import { QueueModel, renderList, renderQueueList, waitingSince } from "./queue.js";
import { CaseView } from "./case-view.js";
import { Leases } from "./leases.js";
import { CaseNews } from "./case-news.js";
import { languageName, channelName, startTicking, caseReference } from "./format.js";
import { loadLanguageReviews } from "./languages.js";
import { showHandledCases } from "./history.js";
import { sayOutcome, warn, clearOutcome } from "./status-line.js";
import { HeldWaitingNotice } from "./held-waiting.js";
import { headerFigures } from "./header-figures.js";

const session = await requireCaseworkSession();
showSignedIn(session);
await loadLanguageReviews();

const queue = new QueueModel(session);
// What this browser has shown her of each case's messages from the person, and what came since: "New message" on a card.
const news = new CaseNews(session.userId);
let statistics = null;
let statisticsAt = 0;
const announcer = byId("announcer");

const live = new Live({
  caseChanged: (summary, type, pushed, sequence) => {
    // A person writing again in a case back in the queue is pushed to every console as a change of the case.
    if (type === "MessageReceived") {
      heard(summary.id, "Inbound", null, sequence);
    }
    applyCase(summary, pushed, type, sequence);
    caseView.caseEventHeard(summary.id, type, sequence);
  },
  caseEvent: (event) => {
    if (event.type === "MessageReceived" && event.case) {
      heard(event.caseId, "Inbound", null, event.sequence);
    }
    if (event.case) {
      applyCase(event.case, false, event.type, event.sequence);
    } else if (queue.forget(event.caseId)) {
      renderQueueSoon();
    }
    caseView.caseEvent(event);
  },
  messageAdded: (caseId, message, whatsAppWindow, sequence) => {
    caseView.messageAdded(caseId, message, whatsAppWindow);
    heard(caseId, message.direction, message.at, sequence);
  },
  messageHeard: (caseId, direction, at, sequence) => heard(caseId, direction, at, sequence),
  messageStatusChanged: (notice) => caseView.messageStatusChanged(notice),
  statisticsChanged: (next) => {
    // The hub's figures on connecting and the stream's may cross: figures of an earlier point of the log are not shown over later ones.
    if (statistics && next.sequence < statistics.sequence) {
      return;
    }
    statistics = next;
    statisticsAt = Date.now();
    renderStatistics();
  },
  colleagueOpenedCase: (caseId, colleague) => caseView.colleagueOpenedCase(caseId, colleague),
  reconnected: async () => {
    // Events only name the cases this person may still see: one that moved out of their languages while
    // the console was away would never be removed, so the queue itself is read again first.
    await loadQueue();
    await caseView.rejoin();
    await holdMyCases();
    // The renewals that fell due while it was away were not made: the claims still held are renewed now, not a gap later.
    await leases.renewAll();
  },
  reload: () => loadQueue(),
  resynced: () => renderQueue(),
  stateChanged: (state) => showConnection(state),
  problem: (text) => warn(text),
});

const leases = new Leases(live, {
  lost: (caseId, refusal) => {
    warn(`A claim could not be renewed: ${refusal}`);
    caseView.leaseLost(caseId, refusal);
  },
  unreachable: (caseId, refusal) => caseView.leaseUnreachable(caseId, refusal),
  renewed: (caseId) => caseView.leaseRenewed(caseId),
});
// Colleagues only name authors and transfer targets: the console works without them.
const colleagues = await getJson("/api/colleagues").catch(() => []);
const caseView = new CaseView({
  live, leases, session, colleagues,
  onClosed: () => renderQueue(),
  onShown: (detail) => {
    if (news.shownDetail(detail)) {
      renderQueueSoon();
    }
  },
});

// Take next's word on the cases she holds whose person waits for her reply, under the button.
const heldWaiting = new HeldWaitingNotice(async (caseId) => {
  await caseView.open(caseId);
  renderQueue();
});

/**
 * A message from the person, by its case event: on screen, it is shown; otherwise the case's card is marked "New message"
 * until she opens it, and says when the person last wrote (`at`, when known). A case she holds is announced.
 */
function heard(caseId, direction, at, sequence) {
  if (direction !== "Inbound") {
    return;
  }
  if (caseId === caseView.caseId) {
    if (news.shown(caseId, at, sequence)) {
      renderQueueSoon();
    }
    return;
  }
  const wasNew = queue.cases.has(caseId) && news.isNew(queue.cases.get(caseId));
  if (news.heard(caseId, at, sequence)) {
    renderQueueSoon();
    if (!wasNew && leases.token(caseId)) {
      announcer.textContent = "The person wrote again in one of your cases.";
    }
  }
}

/** `sequence`: the case event the summary was read after (it is the case as of that event or later). */
function applyCase(summary, pushed, type, sequence) {
  const before = queue.cases.get(summary.id);
  const change = queue.apply(summary);
  caseView.caseChanged(summary, type, sequence);
  const mine = summary.status === "Claimed" && summary.assigneeId === session.userId;
  if (leases.token(summary.id) && !mine) {
    leases.drop(summary.id);
    if (type === "CaseTakenOver" && summary.id !== caseView.caseId) {
      // A case put aside: its card moves to "With colleagues", which a glance at "Your cases" would not notice.
      warn(`${summary.assigneeName ?? "A supervisor"} took over case ${caseReference(summary.id)}: it is no longer yours.`);
    }
  } else if (mine && !leases.token(summary.id) && live.state === "connected") {
    // Handed to this person (a transfer from a colleague): keep it and hear it like any case they hold.
    leases.whenUnclaimed(summary.id, () => holdCase(summary.id));
  }
  if (change) {
    renderQueueSoon();
  }
  if (change === "added" && summary.status === "Queued") {
    // What the line under "Take next case" said ("The case is closed.", "No case is waiting") is over once a case arrives.
    clearOutcome();
  }
  if (pushed && change === "added" && summary.status === "Queued") {
    announcer.textContent = `New case waiting: ${summary.priority} priority, ${languageName(summary.language)}, ${channelName(summary.channel)}.`;
  } else if (pushed && change === "updated" && summary.status === "Queued" && before?.status === "Queued" && rose(before, summary)) {
    // A case is often queued at Low while the intake goes on; what a screen reader was told then is wrong once it rises.
    announcer.textContent = `A waiting case rose to ${summary.priority} priority: ${languageName(summary.language)}, ${channelName(summary.channel)}.`;
  }
}

const PRIORITIES_RISING = ["Low", "Medium", "High", "Critical"];

function rose(before, after) {
  return PRIORITIES_RISING.indexOf(after.priority) > PRIORITIES_RISING.indexOf(before.priority);
}

async function loadQueue() {
  const view = await getJson("/api/queue");
  queue.replaceAll(view.cases);
  news.keepOnly(view.cases.map((c) => c.id));
  live.lastSequence = view.lastSequence;
  renderQueue();
}

// A push or a resync page carries many changes, applied one after another in one task: the queue is
// drawn once after them, not once per change.
let renderPending = false;
function renderQueueSoon() {
  if (!renderPending) {
    renderPending = true;
    queueMicrotask(() => {
      renderPending = false;
      renderQueue();
    });
  }
}

function renderQueue() {
  const selected = caseView.caseId;
  const queued = queue.waiting();
  const view = {
    selectedId: selected, selfId: session.userId, isNew: (summary) => news.isNew(summary), personWroteAt: (caseId) => news.personWroteAt(caseId),
  };
  // A supervisor's queue holds every language; a caseworker's only theirs.
  renderQueueList(byId("queue"), queued, view, queue.seesAll ? "Nobody is waiting for a reply." : "Nobody is waiting for a reply in your languages.");
  renderList(byId("my-cases"), queue.mine(), view, "You hold no case.");
  heldWaiting.render(queue.mine(), selected);
  const others = queue.withColleagues();
  renderList(byId("colleague-cases"), others, view, "No case is with a colleague.");
  // The tab's title counts people waiting for a reply: a case answered before, back in the queue with nothing new, waits for nobody.
  const forAReply = forAReplyOf(queued).length;
  byId("colleague-count").textContent = String(others.length);
  document.title = forAReply > 0 ? `(${forAReply}) Hotline console` : "Hotline console";
  renderStatistics();
}

function forAReplyOf(cases) {
  return cases.filter((c) => waitingSince(c) != null);
}

function renderStatistics() {
  byId("statistics").replaceChildren(...headerFigures(forAReplyOf(queue.waiting()), statistics, statisticsAt));
}

function showConnection(state) {
  const badge = byId("connection");
  badge.dataset.state = state;
  badge.textContent = {
    connecting: "Connecting…",
    connected: "Live",
    reconnecting: "Connection lost — reconnecting…",
    disconnected: "Disconnected — retrying…",
    refused: "The server refused the live connection.",
  }[state] ?? state;
}

for (const listId of ["queue", "my-cases", "colleague-cases"]) {
  byId(listId).addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-case-id]");
    if (button) {
      await caseView.open(button.dataset.caseId);
      renderQueue();
    }
  });
}

// Read each time the list is unfolded: a case closed since then is in it.
byId("handled").addEventListener("toggle", (event) => {
  if (event.target.open) {
    showHandledCases();
  }
});

byId("take-next").addEventListener("click", async () => {
  const button = byId("take-next");
  button.disabled = true;
  await leases.claim(live.invoke("TakeNextCase"), (answer) => {
    button.disabled = false;
    sayOutcome(answer.ok ? "" : answer.refusal);
    if (answer.ok) {
      queue.apply(answer.value.case);
      caseView.show(answer.value);
      heldWaiting.tell(answer.value);
      renderQueue();
    } else {
      heldWaiting.tellNoneQueued(answer.waiting);
      renderQueue();
    }
  });
});

/**
 * Gets back the claim on a case this person holds but does not have on screen, to keep renewing it. Nothing of the case
 * is read (HoldCase is not an opening, and is not recorded as one): that a message came in it is heard through this
 * person's own group (MessageHeard), and what it says only when she opens the case.
 */
const holding = new Set();
async function holdCase(caseId) {
  if (holding.has(caseId) || caseId === caseView.caseId) {
    return;
  }
  holding.add(caseId);
  try {
    const answer = await live.invoke("HoldCase", caseId);
    if (answer.ok) {
      leases.hold(caseId, answer.value.leaseToken, answer.value.leaseExpiresAt, answer.value.leaseSeconds);
      if (news.wrote(caseId, answer.value.personWroteAt)) {
        renderQueueSoon();
      }
    }
  } finally {
    holding.delete(caseId);
  }
}

// After every (re)connection the claims are taken up again; the case on screen was opened already (CaseView.reopen, rejoin).
async function holdMyCases() {
  for (const summary of queue.mine()) {
    await holdCase(summary.id);
  }
}

// A case read in another of her tabs is not new in this one.
window.addEventListener("storage", (event) => {
  if (news.changedElsewhere(event)) {
    renderQueueSoon();
  }
});

startTicking();
try {
  await loadQueue();
} catch (error) {
  warn(`The queue could not be loaded: ${error.message}`);
}
await live.start();
// The case this tab had open first: taking up the claims of the cases one holds then passes over it.
await caseView.reopen();
await holdMyCases();
document.body.dataset.ready = "true";
