import { el, byId, show } from "./dom.js";
import { getJson } from "./api.js";
import { languageName, channelName, reasonText, conversationStatusText, clockText, INTAKE_LANGUAGES } from "./format.js";
import { priorityBadge, waitingTime } from "./queue.js";
import { Transcript, messageItem } from "./transcript.js";
import { describe, measure, isTooLong } from "./sms.js";

const RENEW_EVERY_MS = 60_000;
const REFRESHING_EVENTS = new Set(["MessageReceived", "ReplyQueued", "MessageStatusChanged", "NoteAdded", "ConversationStatusChanged"]);

/** The open case: transcript, intake answers, triage, notes, the reply box and what the holder may do with it. */
export class CaseView {
  constructor({ live, session, colleagues, onClosed }) {
    this.live = live;
    this.session = session;
    this.colleagues = colleagues;
    this.names = new Map(colleagues.map((c) => [c.id, c.displayName]));
    this.onClosed = onClosed;
    this.detail = null;
    this.transcript = new Transcript();
    this.leaseToken = null;
    this.renewTimer = null;
    this.cannedAvailable = true;
    this.root = byId("case");
    this.wire();
  }

  get caseId() {
    return this.detail?.case.id ?? null;
  }

  get holdsLease() {
    return this.leaseToken !== null;
  }

  wire() {
    byId("case-leave").addEventListener("click", () => this.leave());
    byId("reply-body").addEventListener("input", () => this.updateReplyBox());
    byId("canned").addEventListener("change", (event) => this.useCanned(event.target));
    byId("reply-form").addEventListener("submit", (event) => { event.preventDefault(); this.sendReply(); });
    byId("note-form").addEventListener("submit", (event) => { event.preventDefault(); this.addNote(); });
    byId("release").addEventListener("click", () => this.release());
    byId("transfer-colleague-form").addEventListener("submit", (event) => { event.preventDefault(); this.transferToColleague(); });
    byId("transfer-language-form").addEventListener("submit", (event) => { event.preventDefault(); this.transferToLanguage(); });
    byId("close-form").addEventListener("submit", (event) => { event.preventDefault(); this.closeCase(); });
    const colleagueSelect = byId("transfer-colleague");
    colleagueSelect.replaceChildren(el("option", { value: "", text: "Choose a colleague" }),
      ...this.colleagues.filter((c) => c.id !== this.session.userId)
        .map((c) => el("option", { value: c.id, text: `${c.displayName} (${c.languages.join(", ")})` })));
    byId("transfer-language").replaceChildren(el("option", { value: "", text: "Choose a language" }),
      ...INTAKE_LANGUAGES.map((l) => el("option", { value: l, text: languageName(l) })));
  }

  /** Opens a case through the hub, which also joins its live group. */
  async open(caseId) {
    const answer = await this.live.invoke("OpenCase", caseId);
    if (!answer.ok) {
      this.refuse(answer.refusal);
      return false;
    }
    this.show(answer.value);
    return true;
  }

  /** Shows a case the hub answered with (from OpenCase or TakeNextCase). */
  show(detail) {
    const switching = this.caseId !== detail.case.id;
    if (switching && this.caseId) {
      this.live.invoke("LeaveCase", this.caseId);
    }
    this.detail = detail;
    this.transcript = new Transcript(detail.transcript);
    this.setLease(detail.leaseToken ?? null);
    show(this.root, true);
    byId("case-empty").hidden = true;
    if (switching) {
      byId("case-notices").replaceChildren();
      this.refuse(null);
      byId("reply-body").value = "";
      this.loadCanned(detail.case.language);
    }
    this.render();
    if (switching) {
      byId("case-title").focus();
    }
  }

  leave() {
    if (this.caseId) {
      this.live.invoke("LeaveCase", this.caseId);
    }
    this.detail = null;
    this.setLease(null);
    show(this.root, false);
    byId("case-empty").hidden = false;
    this.onClosed?.();
  }

  setLease(token) {
    this.leaseToken = token;
    window.clearInterval(this.renewTimer);
    this.renewTimer = token ? window.setInterval(() => this.renew(), RENEW_EVERY_MS) : null;
  }

  async renew() {
    const caseId = this.caseId;
    const answer = await this.live.invoke("RenewLease", caseId, this.leaseToken);
    if (caseId !== this.caseId) {
      return;
    }
    if (answer.ok) {
      this.detail.leaseExpiresAt = answer.value;
      this.renderFacts();
    } else {
      this.notice(`Your claim could not be renewed: ${answer.refusal}`, "warning");
      if (this.live.state === "connected") {
        this.setLease(null);
        this.render();
      }
    }
  }

  // --- live changes -------------------------------------------------------------------------------

  caseChanged(summary) {
    if (summary.id !== this.caseId || summary.version < this.detail.case.version) {
      return;
    }
    this.detail.case = summary;
    const mine = summary.status === "Claimed" && summary.assigneeId === this.session.userId;
    if (this.holdsLease && !mine) {
      this.setLease(null);
      this.notice(summary.status === "Claimed"
        ? `This case is now with ${summary.assigneeName ?? "a colleague"}.`
        : summary.status === "Queued" ? "Your claim on this case ended; it is back in the queue." : "This case is closed.", "warning");
    } else if (!this.holdsLease && mine) {
      // Handed to this person by a colleague: open it again to get the claim.
      this.open(summary.id);
      return;
    }
    this.render();
  }

  messageAdded(caseId, message) {
    if (caseId === this.caseId && this.transcript.add(message)) {
      this.renderTranscript();
    }
  }

  messageStatusChanged(notice) {
    if (notice.caseId === this.caseId && this.transcript.changeStatus(notice.messageId, notice.status, notice.error)) {
      this.renderTranscript();
    }
  }

  colleagueOpenedCase(caseId, colleague) {
    if (caseId === this.caseId) {
      this.notice(`${colleague} has this case open too.`, "info", "colleague");
    }
  }

  /** A resynced event: anything that changes the transcript or notes reloads the case from the database. */
  caseEvent(event) {
    if (event.caseId === this.caseId && REFRESHING_EVENTS.has(event.type)) {
      this.refreshSoon();
    }
  }

  refreshSoon() {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => this.refresh(), 100);
  }

  async refresh() {
    if (!this.caseId) {
      return;
    }
    const caseId = this.caseId;
    try {
      const detail = await getJson(`/api/cases/${caseId}`);
      if (caseId === this.caseId) {
        this.detail = { ...detail, case: detail.case.version >= this.detail.case.version ? detail.case : this.detail.case };
        for (const message of detail.transcript) {
          this.transcript.add(message);
        }
        this.render();
      }
    } catch (error) {
      this.notice(error.message, "warning");
    }
  }

  /** After a reconnect the hub has forgotten this connection's groups: open the case again. */
  async rejoin() {
    if (this.caseId) {
      const answer = await this.live.invoke("OpenCase", this.caseId);
      if (answer.ok && answer.value.case.id === this.caseId) {
        const token = this.leaseToken;
        this.show(answer.value);
        if (token && !answer.value.leaseToken) {
          this.notice("Your claim on this case ended while the console was disconnected.", "warning");
        }
      }
    }
  }

  // --- actions ------------------------------------------------------------------------------------

  async sendReply() {
    const box = byId("reply-body");
    const body = box.value;
    if (!this.holdsLease || body.trim() === "" || isTooLong(body)) {
      return;
    }
    const button = byId("reply-send");
    button.disabled = true;
    const answer = await this.live.invoke("SendReply", this.caseId, this.leaseToken, body);
    if (answer.ok) {
      box.value = "";
      this.refuse(null);
      this.transcript.add(answer.value);
      this.renderTranscript();
    } else {
      this.refuse(answer.refusal);
    }
    this.updateReplyBox();
  }

  async addNote() {
    const box = byId("note-body");
    if (box.value.trim() === "") {
      return;
    }
    const answer = await this.live.invoke("AddNote", this.caseId, box.value);
    if (answer.ok) {
      box.value = "";
      this.refuse(null);
      if (!this.detail.notes.some((n) => n.id === answer.value.id)) {
        this.detail.notes.push(answer.value);
      }
      this.renderNotes();
    } else {
      this.refuse(answer.refusal);
    }
  }

  async release() {
    await this.finish(await this.live.invoke("ReleaseCase", this.caseId, this.leaseToken), "The case is back in the queue.");
  }

  async transferToColleague() {
    const select = byId("transfer-colleague");
    if (!select.value) {
      this.refuse("Choose a colleague to transfer the case to.");
      return;
    }
    const name = select.selectedOptions[0].textContent;
    await this.finish(await this.live.invoke("TransferToColleague", this.caseId, this.leaseToken, select.value), `The case was transferred to ${name}.`);
  }

  async transferToLanguage() {
    const select = byId("transfer-language");
    if (!select.value) {
      this.refuse("Choose a language group to transfer the case to.");
      return;
    }
    await this.finish(await this.live.invoke("TransferToLanguage", this.caseId, this.leaseToken, select.value),
      `The case was transferred to the ${languageName(select.value)} group.`);
  }

  async closeCase() {
    const select = byId("close-outcome");
    if (!select.value) {
      this.refuse("Choose an outcome to close the case.");
      return;
    }
    await this.finish(await this.live.invoke("CloseCase", this.caseId, this.leaseToken, select.value), "The case is closed.");
  }

  async finish(answer, doneText) {
    if (!answer.ok) {
      this.refuse(answer.refusal);
      return;
    }
    this.leave();
    byId("status-message").textContent = doneText;
  }

  // --- canned replies -----------------------------------------------------------------------------

  async loadCanned(language) {
    const picker = byId("canned-picker");
    const select = byId("canned");
    picker.hidden = true;
    if (!this.cannedAvailable) {
      return;
    }
    try {
      const replies = await getJson(`/api/canned-replies?language=${encodeURIComponent(language)}`);
      if (language !== this.detail?.case.language || !Array.isArray(replies) || replies.length === 0) {
        return;
      }
      select.replaceChildren(el("option", { value: "", text: "Insert a canned reply…" }),
        ...replies.map((r) => el("option", { value: r.id, text: r.title, dataset: { text: r.text } })));
      picker.hidden = false;
    } catch (error) {
      // Not offered by this server (yet): the picker stays hidden.
      if (error.status === 404) {
        this.cannedAvailable = false;
      }
    }
  }

  useCanned(select) {
    const option = select.selectedOptions[0];
    if (option?.dataset.text) {
      const box = byId("reply-body");
      box.value = option.dataset.text;
      this.updateReplyBox();
      box.focus();
    }
    select.value = "";
  }

  // --- drawing ------------------------------------------------------------------------------------

  refuse(text) {
    const alert = byId("case-refusal");
    alert.textContent = text ?? "";
    alert.hidden = !text;
  }

  notice(text, kind = "info", key = null) {
    const notices = byId("case-notices");
    if (key) {
      notices.querySelector(`[data-key="${key}"]`)?.remove();
    }
    const item = el("p", { class: `notice notice-${kind}`, dataset: { key } },
      el("span", { text }), " ",
      el("button", { type: "button", class: "link", text: "Dismiss" }));
    item.querySelector("button").addEventListener("click", () => item.remove());
    notices.append(item);
  }

  render() {
    this.renderFacts();
    this.renderTranscript();
    this.renderSide();
    this.renderNotes();
    this.updateReplyBox();
  }

  renderFacts() {
    const c = this.detail.case;
    byId("case-title").textContent = `${c.priority} priority · ${languageName(c.language)} · ${channelName(c.channel)}`;
    const facts = [
      el("span", {}, priorityBadge(c.priority)),
      el("span", {}, "Waiting since queued: ", waitingTime(c.queuedAt)),
      el("span", { text: c.status === "Queued" ? "In the queue" : c.assigneeId === this.session.userId ? "Yours" : `With ${c.assigneeName ?? "a colleague"}` }),
      this.holdsLease && this.detail.leaseExpiresAt ? el("span", { text: `Claim renews every minute (held until ${clockText(this.detail.leaseExpiresAt)})` }) : null,
    ];
    byId("case-facts").replaceChildren(...facts.filter(Boolean).map((f) => el("li", {}, f)));
    const status = conversationStatusText(c.conversationStatus, c.conversationStatusReason);
    const banner = byId("conversation-status");
    banner.textContent = status ? `${status}. Nothing is sent to this person until they write again.` : "";
    banner.hidden = !status;
    show(byId("case-actions"), this.holdsLease);
  }

  renderTranscript() {
    const list = byId("transcript");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const messages = this.transcript.ordered();
    list.replaceChildren(...(messages.length === 0
      ? [el("li", { class: "empty", text: "No messages yet." })]
      : messages.map((m) => messageItem(m, this.session, this.names))));
    if (atBottom || messages.length < 4) {
      list.scrollTop = list.scrollHeight;
    }
  }

  renderSide() {
    const c = this.detail.case;
    byId("triage-reasons").replaceChildren(...(c.reasons.length === 0
      ? [el("li", { class: "empty", text: "No triage reasons recorded." })]
      : c.reasons.map((r) => el("li", { class: "reason", text: reasonText(r) }))));
    byId("triage-score").textContent = `Triage score ${c.triageScore}`;
    const answers = this.detail.answers;
    byId("answers").replaceChildren(...(answers.length === 0
      ? [el("p", { class: "empty", text: "No intake answers yet." })]
      : answers.flatMap((a) => [el("dt", { text: reasonText(a.stepId) }), el("dd", { text: reasonText(a.answerCode) })])));
  }

  renderNotes() {
    const notes = [...this.detail.notes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    byId("notes").replaceChildren(...(notes.length === 0
      ? [el("li", { class: "empty", text: "No notes yet." })]
      : notes.map((n) => el("li", { class: "note", dataset: { noteId: n.id } },
        el("p", { class: "note-body", dir: "auto", text: n.body }),
        el("p", { class: "note-meta", text: `${n.authorUserId === this.session.userId ? "You" : this.names.get(n.authorUserId) ?? "A colleague"} · ${clockText(n.at)}` })))));
  }

  /** Why this person cannot reply now, or null when they can. */
  replyBlocked() {
    const c = this.detail.case;
    const status = conversationStatusText(c.conversationStatus, c.conversationStatusReason);
    if (status) {
      return `Replies are off. ${status}.`;
    }
    if (!this.holdsLease) {
      return c.status === "Claimed" && c.assigneeId !== this.session.userId
        ? `Only ${c.assigneeName ?? "the colleague who holds this case"} can reply.`
        : "Take the case to reply: only the caseworker who holds it can answer.";
    }
    return null;
  }

  updateReplyBox() {
    if (!this.detail) {
      return;
    }
    const box = byId("reply-body");
    const blocked = this.replyBlocked();
    box.disabled = blocked !== null;
    const reason = byId("reply-disabled");
    reason.textContent = blocked ?? "";
    reason.hidden = blocked === null;
    byId("canned").disabled = blocked !== null;
    const counter = byId("reply-counter");
    counter.textContent = describe(box.value);
    const m = measure(box.value);
    counter.dataset.segments = String(m.segments);
    counter.dataset.encoding = m.encoding;
    counter.classList.toggle("over", isTooLong(box.value));
    byId("reply-send").disabled = blocked !== null || box.value.trim() === "" || isTooLong(box.value);
  }
}
