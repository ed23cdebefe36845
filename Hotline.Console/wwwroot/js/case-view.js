import { el, byId, show } from "./dom.js";
import { getJson } from "./api.js";
import { Transcript } from "./transcript.js";
import { renderCase, renderTranscript, renderFacts, updateReplyBox } from "./case-render.js";
import { wireCaseActions, loadCanned } from "./case-actions.js";
import { Referrals } from "./referrals.js";
import { showAccessHistory } from "./access-history.js";
import { RECORD_HASH, showEarlierCases } from "./history.js";
import { sayOutcome, clearOutcome } from "./status-line.js";

// The case this tab has open, so that a reload reopens it (per tab: another tab may have another case open).
const OPEN_CASE_KEY = "hotline.openCase";

const REFRESHING_EVENTS = new Set(["MessageReceived", "ReplyQueued", "MessageStatusChanged", "NoteAdded", "ConversationStatusChanged"]);

/** The open case: what it shows, how it follows live changes, and what its holder may do (case-actions.js). */
export class CaseView {
  /** `onShown(detail)`: a case's content was put on screen (opened, taken, read again). */
  constructor({ live, leases, session, colleagues, onClosed, onShown }) {
    this.live = live;
    this.leases = leases;
    this.session = session;
    this.colleagues = colleagues;
    this.names = new Map(colleagues.map((c) => [c.id, c.displayName]));
    this.onClosed = onClosed;
    this.onShown = onShown;
    this.detail = null;
    // The case event the case on screen was read after: what is read after an earlier one is older. The case's version does
    // not tell, since the person's status (quiet, asked whether it is safe, said it is safe) is the conversation's, not the case's.
    this.shownThrough = 0;
    // A closed case opened read-only: when, and how, it was closed.
    this.record = null;
    this.transcript = new Transcript();
    this.root = byId("case");
    this.refreshTimer = null;
    this.reopening = null;
    // Each held case's reply typed and not yet sent, kept while another case is on screen or this one is put aside.
    this.drafts = new Map();
    // This page's viewing of each case it opened (CaseDetail.viewing): handed back on a reconnection, so that the audit trail
    // records one opening per case per page. Each rejoin answers with it sealed again, which show() keeps: it covers a
    // reconnection only for 10 minutes after it was sealed (CaseViewings.ReconnectWindow). In memory only: a reload is a new page.
    this.viewings = new Map();
    wireCaseActions(this);
    this.referrals = new Referrals(this);
    window.addEventListener("hashchange", () => this.openLinkedRecord());
  }

  /** A closed case is read and never changed: whether opened from the case history or closed while on screen. */
  get readOnly() {
    return this.detail?.case.status === "Closed";
  }

  get caseId() {
    return this.detail?.case.id ?? null;
  }

  get leaseToken() {
    return this.caseId ? this.leases.token(this.caseId) : null;
  }

  get holdsLease() {
    return this.leaseToken !== null;
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

  /** Opens a closed case read-only through the case history (the one place a closed case is read). */
  async openRecord(caseId) {
    let record;
    try {
      record = await getJson(`/api/case-history/${caseId}`);
    } catch (error) {
      if (this.detail) {
        this.refuse(error.message);
      } else {
        sayOutcome(error.message);
      }
      return false;
    }
    this.show(record.detail, record);
    return true;
  }

  /** A link to "#record=ID" (an earlier case, a case one handled) opens that case read-only. */
  async openLinkedRecord() {
    const caseId = new URLSearchParams(window.location.hash.slice(1)).get(RECORD_HASH);
    if (caseId) {
      // The fragment is taken, so that the same link opens the case again after another one.
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      await this.openRecord(caseId);
    }
  }

  /** After a reload (or from a link), opens the case this tab had open; one that can no longer be opened is forgotten quietly. */
  async reopen() {
    // A link from the supervisor view names the case in the fragment; otherwise the tab's own last case.
    const linked = new URLSearchParams(window.location.hash.slice(1)).get("case");
    const caseId = linked ?? window.sessionStorage.getItem(OPEN_CASE_KEY);
    if (!caseId && !window.location.hash.includes(RECORD_HASH)) {
      return;
    }
    if (new URLSearchParams(window.location.hash.slice(1)).has(RECORD_HASH)) {
      await this.openLinkedRecord();
      return;
    }
    const answer = await this.live.invoke("OpenCase", caseId);
    // A closed case is not opened live: it is read from the case history, when this person may read it.
    if (answer.ok) {
      this.show(answer.value);
    } else if (!(await this.openRecord(caseId))) {
      clearOutcome();
      window.sessionStorage.removeItem(OPEN_CASE_KEY);
    }
  }

  /** Shows a case the hub answered with (from OpenCase or TakeNextCase), or a closed case's record, read-only. */
  show(detail, record = null) {
    window.sessionStorage.setItem(OPEN_CASE_KEY, detail.case.id);
    if (detail.viewing) {
      this.viewings.set(detail.case.id, detail.viewing);
    }
    const switching = this.caseId !== detail.case.id;
    if (switching) {
      this.keepDraft();
      // A case the hub answered with was joined by the hub, which took this connection out of the case shown before first
      // (CaseHub.OpenAsync); a closed case's record joins no group, so the case before is left here.
      if (record) {
        this.leaveGroup();
      }
    }
    this.detail = detail;
    this.shownThrough = detail.lastSequence ?? 0;
    this.record = record;
    this.transcript = new Transcript(detail.transcript);
    if (detail.leaseToken) {
      this.leases.hold(detail.case.id, detail.leaseToken, detail.leaseExpiresAt, detail.leaseSeconds);
    } else {
      this.leases.drop(detail.case.id);
    }
    show(this.root, true);
    byId("case-empty").hidden = true;
    if (switching) {
      byId("case-notices").replaceChildren();
      this.refuse(null);
      // The line under "Take next case" was about the case before (closed, transferred, refused): this one is on screen now.
      clearOutcome();
      // An outcome chosen for the case before is not this one's.
      byId("close-form").reset();
      byId("reply-body").value = this.drafts.get(detail.case.id) ?? "";
      byId("reply-body").dispatchEvent(new Event("input"));
      // Another case starts with its rarer actions folded, so that closing it is on the first screen.
      this.root.querySelectorAll("details.disclosure").forEach((disclosure) => { disclosure.open = false; });
      loadCanned(this, detail.case.language);
      if (record) {
        this.referrals.showFixed(detail.case.id, record.referrals);
      } else {
        this.referrals.load(detail.case.id);
      }
      const caseId = detail.case.id;
      showEarlierCases(caseId, detail.case.earlierCases ?? 0, () => this.caseId === caseId);
      showAccessHistory(this.session, caseId);
    }
    renderCase(this);
    if (switching) {
      // Another case's conversation: its newest message is what the caseworker reads first, wherever the last one was scrolled.
      const transcript = byId("transcript");
      transcript.scrollTop = transcript.scrollHeight;
      byId("case-title").focus();
    }
    this.onShown?.(detail);
  }

  /** Hides the case (it stays claimed, and its claim renewed, if this person holds it). */
  leave() {
    window.sessionStorage.removeItem(OPEN_CASE_KEY);
    this.keepDraft();
    this.leaveGroup();
    this.detail = null;
    this.record = null;
    show(this.root, false);
    byId("case-empty").hidden = false;
    this.onClosed?.();
  }

  keepDraft() {
    if (this.caseId) {
      this.drafts.set(this.caseId, byId("reply-body").value);
    }
  }

  // Off screen, no case's words reach this console, not even a case this person holds: that a message came in one is heard
  // through her own group (MessageHeard), and what it says when she opens the case again, an opening the audit trail records.
  leaveGroup() {
    if (this.caseId && !this.record) {
      this.live.invoke("LeaveCase", this.caseId);
    }
  }

  // --- live changes -------------------------------------------------------------------------------

  /**
   * `type`: the case event behind the change, where known ("CaseTakenOver": a supervisor took the claim from this person);
   * `sequence`: the case event the summary was read after. A summary read after an earlier event than the case on screen may
   * say the person is still quiet when they have said it is safe since: it is not shown.
   */
  caseChanged(summary, type = null, sequence = null) {
    if (summary.id !== this.caseId || summary.version < this.detail.case.version || (sequence ?? Infinity) < this.shownThrough) {
      return;
    }
    const held = this.holdsLease;
    const before = this.detail.case;
    this.detail.case = summary;
    this.shownThrough = Math.max(this.shownThrough, sequence ?? 0);
    if (summary.intakeQuestion !== before.intakeQuestion || summary.triageScore !== before.triageScore
      || summary.conversationStatus !== before.conversationStatus || summary.conversationStatusReason !== before.conversationStatusReason) {
      // The intake went on while the case waits: its answers so far and the questions left are read again. Or the person's
      // status changed: when they said it is safe is in the case only (saidSafeAt), and the banner says it.
      window.clearTimeout(this.refreshTimer);
      this.refreshTimer = window.setTimeout(() => this.refresh(), 100);
    }
    const mine = summary.status === "Claimed" && summary.assigneeId === this.session.userId;
    if (held && !mine) {
      this.leases.drop(summary.id);
      this.notice(type === "CaseTakenOver"
        ? `${summary.assigneeName ?? "A supervisor"} took this case over: it is theirs now, and nothing you type here is sent.`
        : summary.status === "Claimed"
        ? `This case is now with ${summary.assigneeName ?? "a colleague"}.`
        : summary.status === "Queued" ? "Your claim on this case ended; it is back in the queue." : "This case is closed.", "warning", "lease");
    } else if (!held && mine) {
      // Handed to this person by a colleague: open it again to get the claim, once, however often the change is heard.
      this.leases.whenUnclaimed(summary.id, () => {
        if (this.reopening !== summary.id && this.caseId === summary.id) {
          this.reopening = summary.id;
          this.open(summary.id).finally(() => { this.reopening = null; });
        }
      });
      return;
    }
    renderCase(this);
  }

  leaseRenewed(caseId) {
    if (caseId === this.caseId) {
      renderFacts(this);
    }
  }

  /** A renewal was refused: the claim is gone. */
  leaseLost(caseId, refusal) {
    if (caseId === this.caseId) {
      this.notice(`Your claim on this case could not be renewed: ${refusal}`, "warning", "lease");
      renderCase(this);
    }
  }

  leaseUnreachable(caseId, refusal) {
    if (caseId === this.caseId) {
      this.notice(`Your claim on this case could not be renewed just now; the console tries again. ${refusal}`, "warning", "lease");
    }
  }

  /** A message added to the case; one from the person on WhatsApp brings the window it opened. */
  messageAdded(caseId, message, whatsAppWindow) {
    if (caseId !== this.caseId) {
      return;
    }
    if (whatsAppWindow) {
      this.detail.whatsAppWindow = whatsAppWindow;
      renderFacts(this);
    }
    if (this.transcript.add(message)) {
      renderTranscript(this);
    }
    if (message.direction === "Inbound" && this.refusalAbout === "reply") {
      // The person wrote: the WhatsApp window, the quiet or the opt-out that refused the reply may be over; the reply box
      // says whether replies are off now, and a refusal left standing would contradict it.
      this.refuse(null);
    }
  }

  messageStatusChanged(notice) {
    if (notice.caseId === this.caseId && this.transcript.changeStatus(notice.messageId, notice.status, notice.error)) {
      renderTranscript(this);
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
      window.clearTimeout(this.refreshTimer);
      this.refreshTimer = window.setTimeout(() => this.refresh(), 100);
    }
    this.caseEventHeard(event.caseId, event.type, event.sequence);
  }

  /** A referral of the open case moved (a partner accepted it, say): its list is read again, unless this page showed it already. */
  caseEventHeard(caseId, type, sequence) {
    if (caseId === this.caseId && !this.record && type.startsWith("Referral") && this.referrals.events.callsForRead(type, sequence)) {
      window.clearTimeout(this.referralsTimer);
      this.referralsTimer = window.setTimeout(() => this.referrals.load(caseId), 100);
    }
  }

  async refresh() {
    const caseId = this.caseId;
    // A closed case is read in the case history only: what it showed when it closed stays on screen.
    if (!caseId || this.record || this.readOnly) {
      return;
    }
    try {
      const detail = await getJson(`/api/cases/${caseId}`);
      if (caseId !== this.caseId) {
        return;
      }
      for (const message of detail.transcript) {
        this.transcript.add(message);
      }
      // A read that left before a change reached this page (pushed while it was on its way) is older than the case on screen:
      // its messages are kept, its case and what it says of the person (quiet, said safe at) are not. The case is read again:
      // the change that overtook it may read nothing (a message is pushed without its case's notes, answers or said-safe
      // time), and the newest of those would otherwise never come.
      if (detail.lastSequence >= this.shownThrough && detail.case.version >= this.detail.case.version) {
        this.detail = detail;
        this.shownThrough = detail.lastSequence;
      } else {
        window.clearTimeout(this.refreshTimer);
        this.refreshTimer = window.setTimeout(() => this.refresh(), 100);
      }
      renderCase(this);
      this.onShown?.(detail);
    } catch (error) {
      this.notice(error.message, "warning", "refresh");
    }
  }

  /** After a reconnect the hub has forgotten this connection's groups: join the case again, as the same viewing. */
  async rejoin() {
    const caseId = this.caseId;
    if (!caseId || this.record) {
      return;
    }
    const held = this.holdsLease;
    const answer = await this.live.invoke("RejoinCase", caseId, this.viewings.get(caseId) ?? null);
    if (answer.ok && caseId !== this.caseId) {
      // Another case was opened while the rejoin was on its way: the server joined this one again, so the page leaves it.
      this.live.invoke("LeaveCase", caseId);
      return;
    }
    if (answer.ok) {
      this.show(answer.value);
      if (held && !answer.value.leaseToken) {
        this.notice("Your claim on this case ended while the console was disconnected.", "warning", "lease");
      }
    }
  }

  // --- messages to the caseworker -----------------------------------------------------------------

  /** `about` names the action refused: a reply's refusal ends when what refused it may have changed (see messageAdded). */
  refuse(text, about = null) {
    this.refusalAbout = text ? about : null;
    const alert = byId("case-refusal");
    alert.textContent = text ?? "";
    alert.hidden = !text;
    if (!text) {
      // A new case, or an action that went through: the refusals shown beside the case's forms are over too.
      for (const near of this.root.querySelectorAll(".form-refusal")) {
        near.hidden = true;
      }
    }
  }

  notice(text, kind = "info", key = null) {
    const notices = byId("case-notices");
    if (key) {
      notices.querySelector(`[data-key="${key}"]`)?.remove();
    }
    const dismiss = el("button", { type: "button", class: "link", text: "Dismiss" });
    const item = el("p", { class: `notice notice-${kind}`, dataset: { key } }, el("span", { text }), " ", dismiss);
    dismiss.addEventListener("click", () => item.remove());
    notices.append(item);
  }

  updateReplyBox() {
    updateReplyBox(this);
  }
}
