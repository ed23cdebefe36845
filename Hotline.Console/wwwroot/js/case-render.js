import { el, byId, show } from "./dom.js";
import { languageName, channelName, reasonText, conversationStatusText, clockText, outcomeText, caseReference, ASKED_FOR_PERSON, DISCREET_WORD, WROTE_WHILE_NOT_SAFE, WROTE_WHILE_OPTED_OUT } from "./format.js";
import { intakeNote, mayBeWrittenTo, priorityBadge, waitingSince, waitingTime, WINDOW_CLOSED } from "./queue.js";
import { messageItem } from "./transcript.js";
import { describe, measure, isTooLong } from "./sms.js";
import { reviewNote } from "./languages.js";

// Drawing the open case. Every text from a person or a note goes in with textContent (see dom.js).

export function renderCase(view) {
  renderFacts(view);
  renderTranscript(view);
  renderSide(view);
  renderNotes(view);
  updateReplyBox(view);
}

export function renderFacts(view) {
  const c = view.detail.case;
  const expiresAt = view.leases.expiresAt(c.id);
  byId("case-title").textContent = `Case ${caseReference(c.id)} · ${c.priority} priority · ${languageName(c.language)} · ${channelName(c.channel)}`;
  const facts = [
    el("span", {}, priorityBadge(c.priority)),
    // Once a caseworker holds the case the person is no longer waiting for one: the clock then says how long it is open.
    queueFact(c),
    el("span", { text: holderText(view) }),
    c.earlierCases > 0 ? el("span", { class: "returning", text: returningText(c.earlierCases) }) : null,
    whatsAppWindowFact(view.detail.whatsAppWindow),
    view.holdsLease && expiresAt ? el("span", { class: "claim-note", text: claimText(view.detail.leaseSeconds) }) : null,
    reviewNote(c.language) ? el("span", { class: "review-note", text: reviewNote(c.language) }) : null,
  ];
  byId("case-facts").replaceChildren(...facts.filter(Boolean).map((f) => el("li", {}, f)));
  // The conversation's status is the person's now: a closed case's record would show what they said in a later case.
  const status = c.status === "Closed" ? null : conversationStatusText(c.conversationStatus, c.conversationStatusReason);
  // The end of a quiet spell at the person's "it is safe" is said, with its time: a caseworker waiting for it may write now.
  const saidSafe = c.status === "Closed" || status || !view.detail.saidSafeAt ? null
    : `The person said it is safe to write now (at ${clockText(view.detail.saidSafeAt)}).`;
  const banner = byId("conversation-status");
  banner.textContent = saidSafe ?? (!status ? ""
    : c.conversationStatus === "Quiet" ? `${status}. Someone else may be reading their phone: nothing is sent to them until they say it is safe to write.`
    : `${status}. Nothing is sent to this person until they send START.`);
  banner.classList.toggle("said-safe", saidSafe !== null);
  banner.hidden = !status && !saidSafe;
  const readOnly = byId("case-readonly");
  readOnly.textContent = readOnlyText(view) ?? "";
  readOnly.hidden = !view.readOnly;
  show(byId("case-actions"), view.holdsLease);
  // Only a case she holds is put aside (kept hers, its draft kept): on any other, the button only closes the panel.
  byId("case-leave").textContent = view.holdsLease ? "Put this case aside" : "Close this view";
  show(byId("note-form"), !view.readOnly);
  show(byId("propose-referral"), !view.readOnly);
}

/**
 * WhatsApp delivers free text only within 24 hours of the person's last message: whether that window is open, as the
 * server computed it, and closed once its time has passed on this screen too. SMS and chat cases have none.
 */
export function whatsAppWindowFact(window) {
  if (!window) {
    return null;
  }
  const open = window.open && Date.parse(window.closesAt) > Date.now();
  return el("span", {
    class: `whatsapp-window ${open ? "open" : "closed"}`,
    text: open ? `WhatsApp window open until ${clockText(window.closesAt)}` : WINDOW_CLOSED,
  });
}

/**
 * How long the case has been open or, in the queue, how long the person has waited for a reply, by the queue card's rule: a
 * person nobody can write to, or answered with nothing new, waits for nobody, so no "waiting" clock runs for them.
 */
function queueFact(c) {
  if (c.status === "Closed") {
    return null;
  }
  if (c.status !== "Queued") {
    return el("span", {}, "Open since queued: ", waitingTime(c.queuedAt));
  }
  const since = waitingSince(c);
  return since
    ? el("span", {}, since === c.queuedAt ? "Waiting since queued: " : "Waiting since their new message: ", waitingTime(since))
    : el("span", {}, "In the queue for ", waitingTime(c.queuedAt), mayBeWrittenTo(c) ? " · answered, nothing new since" : " · no reply can be sent");
}

/**
 * What becomes of a case she holds if the console goes. The console renews the claim at a third of the lease while it is
 * open (leases.js, renewalGapMs); closed, or cut off, it renews nothing, and the claim runs out one lease after its last
 * renewal (the server's Hotline:Queue:LeaseSeconds, given with the case): then the case is back in the queue. "About": it may
 * have been renewed up to a third of a lease before, and the server returns run-out claims every few seconds. Under a minute
 * the lease is said in seconds ("about 30 seconds later").
 */
export function claimText(leaseSeconds) {
  const when = leaseSeconds ? `about ${spanText(leaseSeconds)} later` : "once your claim runs out";
  return `If you close the console or lose the connection, the case goes back to the queue ${when}.`;
}

function spanText(seconds) {
  const minutes = Math.round(seconds / 60);
  return seconds < 60 ? `${seconds} seconds` : minutes === 1 ? "1 minute" : minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
}

function holderText(view) {
  const c = view.detail.case;
  return c.status === "Closed" ? "Closed"
    : c.status === "Queued" ? "In the queue"
    : c.assigneeId === view.session.userId ? "Yours" : `With ${c.assigneeName ?? "a colleague"}`;
}

export function returningText(earlierCases) {
  return earlierCases === 1 ? "Returning: 1 earlier case" : `Returning: ${earlierCases} earlier cases`;
}

/** Why nothing can be done on this case, said where the caseworker reads the case. */
function readOnlyText(view) {
  if (!view.readOnly) {
    return null;
  }
  const record = view.record;
  if (!record) {
    return "Read only: this case has been closed. Nothing can be sent or changed from it.";
  }
  const closed = `Read only: this case was closed on ${clockText(record.closedAt)} as "${outcomeText(record.outcome)}". Nothing can be sent or changed from it; a new message from the person opens a new case.`;
  return record.contentErasedAt
    ? `${closed} Its messages' words, notes, photos and the person's own answers were removed on ${clockText(record.contentErasedAt)} (the retention period ended, or the person asked to be erased); dates, priority, outcome and referrals' partners stay.`
    : closed;
}

export function renderTranscript(view) {
  const list = byId("transcript");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const messages = view.transcript.ordered();
  list.replaceChildren(...(messages.length === 0
    ? [el("li", { class: "empty", text: "No messages yet." })]
    : messages.map((m) => messageItem(m, view.session, view.names, view.detail.case.channel, view.detail.case.id))));
  if (atBottom || messages.length < 4) {
    list.scrollTop = list.scrollHeight;
  }
}

function renderSide(view) {
  const c = view.detail.case;
  const answers = view.detail.answers;
  // A person who asked for a human, did not agree to keep their answers, or stopped answering (the intake timer), has none kept: their low score says nothing about
  // danger, whatever they answered. Asking for a person is a reason the case has, not a finding about danger.
  const intakeAsking = c.intakeQuestion != null;
  // Declining is the person's choice, said as such: an empty list must not read as "answered nothing", nor as "nothing found".
  const declined = view.detail.answersDeclined === true;
  const askedFirst = c.reasons.includes(ASKED_FOR_PERSON);
  // Opened out of sight by what the person wrote while it was not safe to answer them: they were asked nothing, and blaming a
  // missing answer on their asking for a person or declining would be wrong.
  const wroteWhileNotSafe = c.reasons.includes(WROTE_WHILE_NOT_SAFE);
  // Opened out of sight by what the person wrote after STOP: nothing reaches them until START, which is theirs to send.
  const wroteWhileOptedOut = c.reasons.includes(WROTE_WHILE_OPTED_OUT);
  // The discreet word raises the case but answers nothing: with no answer kept, danger is still unknown.
  const notAssessed = c.reasons.every((r) => r === ASKED_FOR_PERSON || r === DISCREET_WORD || r === WROTE_WHILE_NOT_SAFE || r === WROTE_WHILE_OPTED_OUT)
    && answers.length === 0 && !intakeAsking && (!view.readOnly || declined);
  const leftOpen = view.detail.leftOpen;
  const dangerNote = !notAssessed ? null
    : declined ? "Danger not on record: the person did not agree to have their answers saved. Ask whether they are safe now."
    : leftOpen ? "Danger unknown: a caseworker wrote before the intake had kept an answer, and the intake stopped there. Ask whether they are safe now."
    : view.detail.stoppedAnswering ? "Danger unknown: the person stopped answering before agreeing to keep their answers, so none were kept (what they wrote is in the conversation). Ask whether they are safe now."
    : wroteWhileOptedOut ? "Danger unknown: the person wrote after opting out (STOP), and the intake kept no answer. What they wrote is in the conversation; nothing can be sent before they send START."
    : wroteWhileNotSafe ? "Danger unknown: the person wrote while it was not safe to answer them (after the discreet word or “not safe”), and the intake kept no answer. What they wrote is in the conversation; once they say it is safe to write, ask whether they are safe now."
    : askedFirst ? "Danger unknown: the person asked for a person before the intake kept an answer. Ask whether they are safe now."
    : "Danger unknown: no intake answers were kept (the person asked for a person first, or did not agree to keep their answers). Ask whether they are safe now.";
  const reasons = [...c.reasons.map(reasonText), ...(dangerNote ? [dangerNote] : [])];
  byId("triage-reasons").replaceChildren(...(reasons.length === 0
    ? [el("li", { class: "empty", text: "No triage reasons recorded." })]
    : reasons.map((text) => el("li", { class: "reason", text }))));
  // From the first reply on, the person's messages answer the caseworker: a "1" under the intake's open question may not.
  const open = byId("intake-left-open");
  open.hidden = !leftOpen || view.readOnly;
  open.textContent = leftOpen
    ? `When the first reply was sent, the intake's question “${leftOpen.prompt}” was still unanswered on their phone: a short answer such as “1” or “2” may answer it, not your message.`
    : "";
  // After STOP the intake asks nothing until START (then again from this question): it is not in progress.
  byId("triage-score").textContent = `Triage score ${c.triageScore}` + (c.intakeQuestion == null ? ""
    : c.conversationStatus === "OptedOut"
      ? ` (provisional): the person opted out at intake question ${c.intakeQuestion} of ${c.intakeQuestions} and receives no messages until they send START`
      : ` (provisional): intake in progress, question ${c.intakeQuestion} of ${c.intakeQuestions}`);
  const urgent = view.detail.urgentWords ?? [];
  byId("urgent-words").hidden = urgent.length === 0;
  byId("urgent-words").textContent = urgent.length === 0 ? "" : `Urgent words written: ${urgent.map((w) => `“${w}”`).join(", ")}`;
  const unanswered = view.detail.unanswered ?? [];
  byId("unanswered-section").hidden = unanswered.length === 0;
  byId("unanswered").replaceChildren(...unanswered.map((step) => el("li", { text: reasonText(step) })));
  byId("answers").replaceChildren(...(answers.length === 0
    ? [declined ? el("p", { class: "answers-declined", text: DECLINED_TEXT })
      : el("p", { class: "empty", text: intakeAsking ? "No intake answers yet." : "No intake answers recorded." })]
    : answers.flatMap((a) => [el("dt", { text: reasonText(a.stepId) }), answerItem(a)])));
  // The intake keeps no answer to its two safety questions, by design: a list of answers without them must not read as if
  // danger was never asked.
  byId("safety-answers-note").hidden = answers.length === 0;
}

/** Why a case has no intake answers when the person declined to have them saved, and what the caseworker does about it. */
export const DECLINED_TEXT = "Not saved: the person did not agree to have their answers saved (asked “Can we save your answers so we can help you?”, "
  + "they said no or gave no clear yes). Ask what you need in the conversation. The priority and its reasons above still stand: "
  + "they come from what the person said before.";

/** A free-text answer is shown as the person wrote it, in its own direction; a coded one by its word. */
function answerItem(answer) {
  return answer.text != null
    ? el("dd", { dir: "auto", text: answer.text })
    : el("dd", { text: reasonText(answer.answerCode) });
}

export function renderNotes(view) {
  const notes = [...view.detail.notes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const author = (n) => (n.authorUserId === view.session.userId ? "You" : view.names.get(n.authorUserId) ?? "A colleague");
  byId("notes").replaceChildren(...(notes.length === 0
    ? [el("li", { class: "empty", text: "No notes yet." })]
    : notes.map((n) => el("li", { class: "note", dataset: { noteId: n.id } },
      el("p", { class: "note-body", dir: "auto", text: n.body }),
      el("p", { class: "note-meta", text: `${author(n)} · ${clockText(n.at)}` })))));
}

/** Why this person cannot reply now, or null when they can. */
function replyBlocked(view) {
  const c = view.detail.case;
  if (view.readOnly) {
    return "This case is closed: it can be read, not answered.";
  }
  const status = conversationStatusText(c.conversationStatus, c.conversationStatusReason);
  if (status) {
    return `Replies are off. ${status}.`;
  }
  if (!view.holdsLease) {
    return c.status === "Claimed" && c.assigneeId !== view.session.userId
      ? `Only ${c.assigneeName ?? "the colleague who holds this case"} can reply.`
      : "Take this case to reply: only the caseworker who holds it can answer.";
  }
  return null;
}

export function updateReplyBox(view) {
  if (!view.detail) {
    return;
  }
  const box = byId("reply-body");
  const blocked = replyBlocked(view);
  byId("case-take").hidden = view.holdsLease || view.detail.case.status !== "Queued";
  box.disabled = blocked !== null;
  const reason = byId("reply-disabled");
  reason.textContent = blocked ?? "";
  reason.hidden = blocked === null;
  byId("canned").disabled = blocked !== null;
  const counter = byId("reply-counter");
  const m = measure(box.value);
  counter.textContent = describe(box.value, view.detail.case.channel);
  counter.dataset.segments = String(m.segments);
  counter.dataset.encoding = m.encoding;
  counter.classList.toggle("over", isTooLong(box.value));
  byId("reply-send").disabled = blocked !== null || box.value.trim() === "" || isTooLong(box.value);
}
