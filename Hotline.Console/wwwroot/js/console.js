import { getJson } from "./api.js";
import { byId, el } from "./dom.js";
import { requireCaseworkSession, showSignedIn } from "./session.js";
import { Live } from "./live.js";
import { QueueModel, renderList } from "./queue.js";
import { CaseView } from "./case-view.js";
import { languageName, channelName, durationText, startTicking } from "./format.js";

const session = await requireCaseworkSession();
showSignedIn(session);

const queue = new QueueModel(session);
let statistics = null;
let statisticsAt = 0;
const announcer = byId("announcer");

const live = new Live({
  caseChanged: (summary, type, pushed) => applyCase(summary, pushed),
  caseEvent: (event) => {
    if (event.case) {
      applyCase(event.case, false);
    }
    caseView.caseEvent(event);
  },
  messageAdded: (caseId, message) => caseView.messageAdded(caseId, message),
  messageStatusChanged: (notice) => caseView.messageStatusChanged(notice),
  statisticsChanged: (next) => {
    statistics = next;
    statisticsAt = Date.now();
    renderStatistics();
  },
  colleagueOpenedCase: (caseId, colleague) => caseView.colleagueOpenedCase(caseId, colleague),
  reconnected: () => caseView.rejoin(),
  reload: () => loadQueue(),
  resynced: () => renderQueue(),
  stateChanged: (state) => showConnection(state),
  problem: (text) => { byId("status-message").textContent = text; },
});

const colleagues = await getJson("/api/colleagues");
const caseView = new CaseView({ live, session, colleagues, onClosed: () => renderQueue() });

function applyCase(summary, pushed) {
  const change = queue.apply(summary);
  caseView.caseChanged(summary);
  if (change) {
    renderQueue();
  }
  if (pushed && change === "added" && summary.status === "Queued") {
    announcer.textContent = `New case waiting: ${summary.priority} priority, ${languageName(summary.language)}, ${channelName(summary.channel)}.`;
  }
}

async function loadQueue() {
  const view = await getJson("/api/queue");
  queue.replaceAll(view.cases);
  live.lastSequence = view.lastSequence;
  renderQueue();
}

function renderQueue() {
  const selected = caseView.caseId;
  const waiting = queue.waiting();
  renderList(byId("queue"), waiting, selected, "No case is waiting in your languages.");
  renderList(byId("my-cases"), queue.mine(), selected, "You hold no case.");
  const others = queue.withColleagues();
  renderList(byId("colleague-cases"), others, selected, "No case is with a colleague.");
  byId("waiting-count").textContent = String(waiting.length);
  byId("colleague-count").textContent = String(others.length);
  document.title = waiting.length > 0 ? `(${waiting.length}) Hotline console` : "Hotline console";
  renderStatistics();
}

function renderStatistics() {
  const mine = queue.waiting();
  const parts = [el("span", {}, el("strong", { text: String(mine.length) }), " waiting for you")];
  if (mine.length > 0) {
    const oldest = mine.reduce((a, c) => (Date.parse(a.queuedAt) <= Date.parse(c.queuedAt) ? a : c)).queuedAt;
    parts.push(el("span", {}, "oldest ", el("time", { datetime: oldest, dataset: { since: oldest } })));
  }
  if (statistics) {
    const byPriority = ["Critical", "High", "Medium", "Low"]
      .filter((p) => statistics.queuedByPriority[p] > 0)
      .map((p) => `${statistics.queuedByPriority[p]} ${p.toLowerCase()}`).join(", ");
    parts.push(el("span", { class: "hotline-wide" },
      `Whole hotline: ${statistics.queued} waiting${byPriority ? ` (${byPriority})` : ""}, ${statistics.claimed} being answered`,
      statistics.queued > 0 ? el("span", {}, ", oldest ", el("time", { dataset: { offset: Math.floor(statistics.oldestWaitingSeconds), since: new Date(statisticsAt).toISOString() },
        text: durationText(statistics.oldestWaitingSeconds) })) : null));
  }
  byId("statistics").replaceChildren(...parts);
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

byId("take-next").addEventListener("click", async () => {
  const button = byId("take-next");
  button.disabled = true;
  const answer = await live.invoke("TakeNextCase");
  button.disabled = false;
  byId("status-message").textContent = answer.ok ? "" : answer.refusal;
  if (answer.ok) {
    queue.apply(answer.value.case);
    caseView.show(answer.value);
    renderQueue();
  }
});

await loadQueue();
startTicking();
await live.start();
document.body.dataset.ready = "true";
