// The partner organisation's inbox: the referrals sent to it, each with only what consent covers, and the
// steps the partner takes (accept, decline, record the outcome). Text from the server is set with
// textContent only.
import { getJson, postJson } from "./api.js";
import { byId, el, whileBusy, submitButton } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";
import { clockText, languageName, reasonText, referralReference } from "./format.js";
import { altitudeText, copyButton, positionText, row } from "./attachments.js";

const session = await requireSession(["Ngo"], "This page is for partner organisations' accounts.");
showSignedIn(session);

// An account no administrator has linked to its organisation yet is told so from the session, without asking for an inbox
// the server refuses it (a 403 the browser logs in its console as an error, for what is an expected state).
const NOT_LINKED = "Your account is not linked to a partner organisation; ask a hotline administrator to link it.";
const options = session.organisationLinked === false ? null : await getJson("/api/referral-options");
if (options) {
  await refresh();
} else {
  byId("status-message").textContent = NOT_LINKED;
}
document.body.dataset.ready = "true";

async function refresh() {
  const status = byId("status-message");
  try {
    const referrals = await getJson("/api/partner/referrals");
    byId("referrals").replaceChildren(...(referrals.length === 0
      ? [el("li", { class: "empty", text: "No referral has been sent to your organisation yet." })]
      : referrals.map(renderReferral)));
    status.textContent = "";
  } catch (error) {
    status.textContent = error.message;
  }
}

async function act(path, body) {
  const problem = byId("problem");
  problem.hidden = true;
  try {
    await postJson(path, body);
    await refresh();
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
  }
}

function label(list, code) {
  return options[list]?.[code] ?? code;
}

function renderShared(referral) {
  if (referral.status === "Withdrawn") {
    return el("p", { class: "muted", text: "The hotline withdrew this referral; nothing about the person is shared any more." });
  }
  // A partner that said no keeps its answer, not what it was told about the person (the server sends no details).
  if (referral.status === "Declined") {
    return el("p", { class: "muted declined-details", text: "You declined this referral; nothing about the person is shared any more." });
  }
  // Erasure on request and the end of retention remove the same details, and the hotline does not record which of the
  // two did: the text names both, and never reads as the person having agreed to share nothing.
  if (referral.detailsRemoved) {
    return el("p", { class: "muted details-removed",
      text: "The details of this referral were removed by the hotline: at the person's request, or because the time the hotline keeps them ended." });
  }

  const shared = referral.shared;

  const facts = [
    ["Language", shared.language && languageName(shared.language)],
    ["Nationality", shared.nationality],
    ["Region", shared.region],
    // The case view's word and value ("Low priority", "Danger unknown: ..."): read as "Urgency Low", a band that rests on no
    // answer about danger looked like an assessment.
    ["Priority", shared.urgency && priorityText(shared)],
    // The ILO's names, not the person's words: "yes" to being threatened, hit or hurt points to "Physical and sexual violence"
    // too, which a reader could take for a report of sexual violence. That is said under the label, in smaller type: as one
    // long label it made the labels' column 900 px wide and squeezed every value into what was left.
    [["Indicators of forced labour", el("span", { class: "label-note", text: " (the ILO's categories the person's answers point to, not what they said)" })],
      shared.indicators && (shared.indicators.map(reasonText).join(", ") || noIndicatorsText(shared))],
    // Without a route the person agreed to, the hotline is the only way: said, rather than leaving the partner with nothing.
    ["How to reach the person", shared.contactRoute ? label("contactRoutes", shared.contactRoute) : throughHotlineOnlyText(referral), "contact-route"],
    ["Summary from the caseworker", shared.summary],
  ].filter(([, value]) => value);
  // With consent to photos, how many were shared is said even when it is none (one still being fetched may come later).
  const photos = shared.photos ? renderPhotos(shared.photos) : null;
  const sharedNothing = !shared.contactRoute && facts.length === 1 && !photos;
  return [sharedNothing ? el("p", { class: "muted", text: "The person agreed to this referral but to sharing no details." }) : null,
    el("dl", { class: "shared" }, facts.map(([name, value, kind]) => [el("dt", {}, name), el("dd", { dir: "auto", class: kind, text: value })])),
    photos];
}

// The person did not agree to share how the partner may reach them: no number, no route, only the hotline, which passes
// messages on while the person is in touch with it (it never writes first). The partner cannot write in the referral (this
// page only accepts, declines and records the outcome), so it is told to contact the hotline, not to "answer in" it.
function throughHotlineOnlyText(referral) {
  return "Only through the hotline: the person did not agree to share a way to reach them. Contact the hotline, quoting "
    + `reference ${referralReference(referral.id)}; the caseworker passes your messages on while the person is in touch.`;
}

/**
 * The band as the case view names it, and, where it rests on no answer about danger, the case view's words for that. A band
 * above Low rests on reasons; where the page shows none of them (the consent does not share indicators, or none of the
 * reasons is an ILO indicator: a cry for help, an urgent word, "yes" to danger), the partner is told they are not shared
 * rather than left to read "Critical" as an assessment with nothing behind it, or to guess.
 */
function priorityText(shared) {
  return shared.danger === "not_on_record"
    ? `${shared.urgency}. Danger not on record: the person did not agree to have their answers saved.`
    : shared.danger === "unknown"
      ? `${shared.urgency}. Danger unknown: the intake kept no answer about it; it is not an assessment.`
      : shared.urgency !== "Low" && !(shared.indicators?.length > 0)
        ? `${shared.urgency}. The reasons for it are not shared with partners: ask the hotline, quoting the reference.`
        : shared.urgency;
}

// An empty list of indicators is "none recorded" only when the person's answers were saved: one who did not agree to that
// was never asked the questions on record, which says nothing about what they live through.
function noIndicatorsText(shared) {
  return !shared.answersDeclined ? "None recorded"
    : `Not recorded: the person did not agree to have their answers saved; ${shared.summary
      ? "see the summary from the caseworker" : "ask the hotline, quoting the reference"}.`;
}

// The photos the person agreed to share: the copy without metadata, served by the hotline itself, beside its hash and
// the time the device's clock gave it. A position is in the answer only when the person agreed to share it too.
function renderPhotos(photos) {
  const count = el("p", { class: "shared-photo-count", text: `${photos.length} ${photos.length === 1 ? "photo" : "photos"} shared` });
  return [count, photos.length === 0 ? null : el("ul", { class: "shared-photos", "aria-label": "Photos the person sent" }, photos.map((photo) => {
    const position = photo.place ? positionText(photo.place.latitude, photo.place.longitude) : null;
    return el("li", {}, el("figure", { class: "attachment attachment-kept" },
      el("img", { class: "attachment-photo", src: photo.path, alt: "Photo sent by the person" }),
      el("figcaption", { class: "evidence-panel" }, el("dl", {},
        row("SHA-256", el("code", { class: "evidence-hash", text: photo.sha256 })),
        row("Taken", photo.capturedAt ? `${photo.capturedAt} (the device's clock)` : "not recorded in the file"),
        position
          ? row("Position", [el("span", { class: "evidence-position", text: position + altitudeText(photo.place.altitude) }), copyButton(position)])
          : null))));
  }))];
}

function choice(id, list, prompt) {
  return el("select", { id, required: true },
    el("option", { value: "", text: prompt }),
    Object.entries(options[list]).map(([code, text]) => el("option", { value: code, text })));
}

/** A label above its control, as in every other form of the console. */
function field(label, control) {
  return el("span", { class: "field-above" }, label, control);
}

function renderActions(referral) {
  const base = `/api/partner/referrals/${referral.id}`;
  if (referral.status === "Sent") {
    // The server refuses it too: the route through the hotline caseworker ended with the case.
    const accept = referral.hotlineClosedAt ? null : el("button", { type: "button", class: "primary", text: "Accept" });
    accept?.addEventListener("click", () => whileBusy(accept, () => act(`${base}/accept`)));
    const reasonId = `decline-${referral.id}`;
    const decline = el("form", {}, field(el("label", { for: reasonId, text: "Decline because" }), choice(reasonId, "declineReasons", "Choose a reason")),
      el("button", { type: "submit", class: "danger", text: "Decline" }));
    decline.addEventListener("submit", (event) => {
      event.preventDefault();
      whileBusy(submitButton(decline), () => act(`${base}/decline`, { reason: decline.querySelector("select").value }));
    });
    return el("div", { class: "referral-actions" }, accept, decline);
  }

  if (referral.status === "Accepted") {
    const outcomeId = `outcome-${referral.id}`;
    const noteId = `note-${referral.id}`;
    const complete = el("form", {},
      field(el("label", { for: outcomeId, text: "Outcome" }), choice(outcomeId, "outcomes", "Choose an outcome")),
      field(el("label", { for: noteId, text: "Note for the hotline (optional)" }), el("textarea", { id: noteId, rows: 2, maxlength: 2000, dir: "auto" })),
      el("button", { type: "submit", class: "primary", text: "Record the outcome" }));
    complete.addEventListener("submit", (event) => {
      event.preventDefault();
      whileBusy(submitButton(complete), () =>
        act(`${base}/outcome`, { outcome: complete.querySelector("select").value, note: complete.querySelector("textarea").value }));
    });
    return el("div", { class: "referral-actions" }, complete);
  }

  return null;
}

// The person was to be reached through the hotline caseworker, and the hotline closed the case: it never writes first, so
// nobody there can pass a message until the person writes again.
function hotlineClosedText(referral) {
  const day = new Date(referral.hotlineClosedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `The hotline closed this case on ${day}, so it can no longer pass messages between you and the person: `
    + (referral.status === "Sent"
      ? "this referral cannot be accepted through the hotline caseworker. Decline it, or ask the hotline, quoting the reference."
      : "they cannot be reached through the hotline caseworker.");
}

function renderReferral(referral) {
  // A declined referral's reason goes with its other details when they are removed.
  const ended = referral.status === "Declined"
    ? (referral.declineReason ? `Declined: ${label("declineReasons", referral.declineReason)}` : "Declined")
    : referral.status === "Completed"
      ? `Completed: ${label("outcomes", referral.outcome)}${referral.outcomeNote ? ` · ${referral.outcomeNote}` : ""}`
      : null;
  return el("li", { class: "referral", dataset: { referralId: referral.id, status: referral.status } },
    el("div", { class: "referral-head" },
      el("h2", { text: label("services", referral.service) }),
      el("span", { class: "status-badge", dataset: { status: referral.status }, text: referral.status }),
      // Beside the badge "Sent", the date alone: "Sent Sent 7 Dec" said the word twice.
      el("span", { class: "muted sent-at", text: referral.status === "Sent" ? clockText(referral.sentAt) : `Sent ${clockText(referral.sentAt)}` }),
      // A short reference a partner can quote to the hotline; the caseworker sees the same one on the case's referral.
      el("span", { class: "muted reference", text: `Reference ${referralReference(referral.id)}` })),
    renderShared(referral),
    referral.hotlineClosedAt ? el("p", { class: "notice notice-warning hotline-closed", text: hotlineClosedText(referral) }) : null,
    ended ? el("p", { text: ended }) : null,
    renderActions(referral));
}
