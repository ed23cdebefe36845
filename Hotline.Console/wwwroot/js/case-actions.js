import { el, byId, whileBusy, submitButton } from "./dom.js";
import { getJson } from "./api.js";
import { languageName, INTAKE_LANGUAGES } from "./format.js";
import { isTooLong } from "./sms.js";
import { renderTranscript, renderNotes, updateReplyBox } from "./case-render.js";
import { sayOutcome } from "./status-line.js";
import { reachesPersonThroughHotline } from "./referrals.js";

// What a caseworker does to the open case. Each goes through the hub, which answers {ok, refusal, value};
// a refusal is shown to the caseworker word for word.

// A reply or a note carries a request id, kept until the server has answered: a retry after a lost answer
// carries the same one, and the server answers it with what the first call made.
const pendingRequests = new Map();

function requestIdFor(kind, caseId) {
  const key = `${kind}:${caseId}`;
  if (!pendingRequests.has(key)) {
    pendingRequests.set(key, crypto.randomUUID());
  }
  return pendingRequests.get(key);
}

function answered(kind, caseId, answer) {
  if (!answer.lost) {
    pendingRequests.delete(`${kind}:${caseId}`);
  }
}

export function wireCaseActions(view) {
  const onSubmit = (id, action, afterwards = () => {}) => byId(id).addEventListener("submit", async (event) => {
    event.preventDefault();
    await whileBusy(submitButton(byId(id)), () => action(view));
    afterwards();
  });
  byId("case-leave").addEventListener("click", () => view.leave());
  byId("case-take").addEventListener("click", () => whileBusy(byId("case-take"), () => takeThisCase(view)));
  byId("reply-body").addEventListener("input", () => updateReplyBox(view));
  byId("canned").addEventListener("change", (event) => useCanned(view, event.target));
  byId("release").addEventListener("click", () => whileBusy(byId("release"), () => release(view)));
  // whileBusy gives the button back enabled; the box it emptied decides whether it may send again.
  onSubmit("reply-form", sendReply, () => updateReplyBox(view));
  onSubmit("note-form", addNote);
  onSubmit("transfer-colleague-form", transferToColleague);
  onSubmit("transfer-language-form", transferToLanguage);
  onSubmit("close-form", closeCase);
  byId("transfer-colleague").replaceChildren(el("option", { value: "", text: "Choose a colleague" }),
    ...view.colleagues.filter((c) => c.id !== view.session.userId)
      .map((c) => el("option", { value: c.id, text: `${c.displayName} (${c.languages.join(", ")})`, dataset: { name: c.displayName } })));
  byId("transfer-language").replaceChildren(el("option", { value: "", text: "Choose a language" }),
    ...INTAKE_LANGUAGES.map((l) => el("option", { value: l, text: languageName(l) })));
}

async function takeThisCase(view) {
  await view.leases.claim(view.live.invoke("TakeCase", view.caseId), (answer) => {
    if (answer.ok) {
      view.refuse(null);
      view.show(answer.value);
    } else {
      view.refuse(answer.refusal);
    }
  });
}

async function sendReply(view) {
  const box = byId("reply-body");
  const body = box.value;
  if (!view.holdsLease || body.trim() === "" || isTooLong(body)) {
    return;
  }
  byId("reply-send").disabled = true;
  const caseId = view.caseId;
  const answer = await view.live.invoke("SendReply", caseId, view.leaseToken, body, requestIdFor("reply", caseId));
  answered("reply", caseId, answer);
  if (answer.ok) {
    box.value = "";
    view.refuse(null);
    view.transcript.add(answer.value);
    renderTranscript(view);
  } else {
    view.refuse(answer.refusal, "reply");
  }
  updateReplyBox(view);
}

async function addNote(view) {
  const box = byId("note-body");
  if (box.value.trim() === "") {
    return;
  }
  const caseId = view.caseId;
  const answer = await view.live.invoke("AddNote", caseId, box.value, requestIdFor("note", caseId));
  answered("note", caseId, answer);
  if (!answer.ok) {
    view.refuse(answer.refusal);
    return;
  }
  box.value = "";
  view.refuse(null);
  if (!view.detail.notes.some((n) => n.id === answer.value.id)) {
    view.detail.notes.push(answer.value);
  }
  renderNotes(view);
}

// A reply typed and not sent goes with the case: the person would never get it, and the caseworker believe they had.
function unsentReplyWarning() {
  return byId("reply-body").value.trim() ? " The reply you typed has not been sent: it will be lost." : "";
}

async function release(view) {
  const unsent = unsentReplyWarning();
  if (unsent && !window.confirm(`Release this case to the queue?${unsent}`)) {
    return;
  }
  await finish(view, await view.live.invoke("ReleaseCase", view.caseId, view.leaseToken), "The case is back in the queue.");
}

async function transferToColleague(view) {
  const select = byId("transfer-colleague");
  if (!select.value) {
    refuseAt("transfer-colleague-form", "Choose a colleague to transfer the case to.");
    return;
  }
  // The colleague's name alone: their languages help choose, but a supervisor's fourteen codes made the sentence unreadable.
  const name = select.selectedOptions[0].dataset.name;
  if (!window.confirm(`Transfer this case to ${name}? You will no longer be able to reply to this person.${unsentReplyWarning()}`)) {
    return;
  }
  await finish(view, await view.live.invoke("TransferToColleague", view.caseId, view.leaseToken, select.value),
    `The case was transferred to ${name}.`, "transfer-colleague-form");
}

async function transferToLanguage(view) {
  const select = byId("transfer-language");
  if (!select.value) {
    refuseAt("transfer-language-form", "Choose a language group to transfer the case to.");
    return;
  }
  if (!window.confirm(`Transfer this case to the ${languageName(select.value)} group? You will no longer be able to reply to this person.${unsentReplyWarning()}`)) {
    return;
  }
  await finish(view, await view.live.invoke("TransferToLanguage", view.caseId, view.leaseToken, select.value),
    `The case was transferred to the ${languageName(select.value)} group.`, "transfer-language-form");
}

async function closeCase(view) {
  const select = byId("close-outcome");
  if (!select.value) {
    refuseAt("close-form", "Choose an outcome to close the case.");
    return;
  }
  const throughHotline = reachesPersonThroughHotline(view.referrals.list)
    ? " A partner was told to reach the person through the hotline: nobody can write to them until they write again."
    : "";
  // Closed, the case cannot answer what the person wrote last ("thank you, I want help with my passport"): said before it goes.
  const unanswered = lastMessageUnanswered(view.transcript.ordered()) ? " Their last message has no answer from a caseworker yet." : "";
  if (!window.confirm(`Close this case as "${select.selectedOptions[0].textContent}"? Nobody can reply to this person on it afterwards.${unanswered}${throughHotline}${unsentReplyWarning()}`)) {
    return;
  }
  const note = byId("close-note");
  const answer = await view.live.invoke("CloseCase", view.caseId, view.leaseToken, select.value, note.value.trim() || null);
  if (answer.ok) {
    // The outcome and note were this case's: left chosen, one click would close the next case the same way.
    byId("close-form").reset();
  }
  await finish(view, answer, "The case is closed.", "close-form");
}

const NOT_DELIVERED = new Set(["failed", "undelivered", "canceled", "cancelled"]);

/**
 * The person wrote after the last caseworker reply, by the transcript on screen (the case's `unansweredSince` rule: a reply
 * that failed answered nothing). Read from the transcript, not the case summary: the summary is read again a moment after
 * the message shows, and a close in between would miss it. A case nobody answered yet is not this (closing it says enough).
 */
function lastMessageUnanswered(messages) {
  const lastReply = messages.findLast((m) => m.authorUserId && !NOT_DELIVERED.has(String(m.deliveryStatus).toLowerCase()));
  return lastReply !== undefined && messages.some((m) => m.direction === "Inbound" && m.sequence > lastReply.sequence);
}

/**
 * A refusal shown in the form that was used, where the caseworker is looking: the case's own alert sits at the
 * top of the page, out of view from the foot of the side column.
 */
function refuseAt(formId, text) {
  const form = byId(formId);
  let alert = form.querySelector(".form-refusal");
  if (!alert) {
    alert = el("p", { class: "refusal form-refusal", role: "alert" });
    form.append(alert);
  }
  alert.textContent = text;
  alert.hidden = false;
  alert.scrollIntoView({ block: "nearest" });
}

/** The case left this person's hands: stop renewing it, hide it, say what happened. */
async function finish(view, answer, doneText, formId = null) {
  if (!answer.ok) {
    if (formId) {
      refuseAt(formId, answer.refusal);
    } else {
      view.refuse(answer.refusal);
    }
    return;
  }
  view.leases.drop(view.caseId);
  // The caseworker was told an unsent reply goes with the case: it is not kept for later.
  byId("reply-body").value = "";
  view.leave();
  sayOutcome(doneText);
}

// A reply in another language (the English fallback) or a machine draft says so before it is used.
function cannedLabel(reply, language) {
  const notes = [];
  if (reply.language && reply.language.toLowerCase() !== language.toLowerCase()) {
    notes.push(`in ${languageName(reply.language)}`);
  }
  if (reply.reviewed === false) {
    notes.push("draft, not reviewed");
  }
  return notes.length > 0 ? `${reply.title} (${notes.join("; ")})` : reply.title;
}

let cannedOffered = true;

/** Canned replies in the worker's language; the picker stays hidden where the server offers none. */
export async function loadCanned(view, language) {
  const picker = byId("canned-picker");
  picker.hidden = true;
  if (!cannedOffered) {
    return;
  }
  try {
    const replies = await getJson(`/api/canned-replies?language=${encodeURIComponent(language)}`);
    if (language !== view.detail?.case.language || !Array.isArray(replies) || replies.length === 0) {
      return;
    }
    byId("canned").replaceChildren(el("option", { value: "", text: "Insert a canned reply…" }),
      ...replies.map((r) => el("option", { value: r.id, text: cannedLabel(r, language), dataset: { text: r.text } })));
    picker.hidden = false;
  } catch (error) {
    if (error.status === 404) {
      cannedOffered = false;
    }
  }
}

function useCanned(view, select) {
  const option = select.selectedOptions[0];
  if (option?.dataset.text) {
    const box = byId("reply-body");
    box.value = option.dataset.text;
    updateReplyBox(view);
    box.focus();
  }
  select.value = "";
}
