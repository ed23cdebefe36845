import { el, byId } from "./dom.js";
import { getJson } from "./api.js";
import { languageName, outcomeText, clockText, caseReference } from "./format.js";
import { priorityBadge } from "./queue.js";
import { REFERRAL_STATUS_TEXT } from "./referrals.js";

// Closed cases, read-only: a person's earlier cases (beside their case) and the cases one handled (under the
// queue). Each links to "#record=ID", which opens it read-only through the case history.

export const RECORD_HASH = "record";

function referralLine(referral) {
  const status = REFERRAL_STATUS_TEXT[referral.status] ?? referral.status;
  const outcome = referral.outcome ? ` (${outcomeText(referral.outcome)})` : "";
  return el("li", { class: "earlier-referral", text: `${referral.partnerName} · ${outcomeText(referral.service)} · ${status}${outcome}` });
}

function closedItem(closed) {
  return el("li", { class: "closed-case", dataset: { caseId: closed.id } },
    el("a", { href: `#${RECORD_HASH}=${closed.id}`, class: "record-link",
      text: `Case ${caseReference(closed.id)}, ${clockText(closed.openedAt)} to ${clockText(closed.closedAt)}` }),
    el("span", { class: "closed-line" }, priorityBadge(closed.priority), " ", languageName(closed.language), " · ",
      el("span", { class: "closed-outcome", text: `Closed: ${outcomeText(closed.outcome)}` }),
      closed.contentErasedAt ? el("span", { class: "content-erased", text: ` · words removed ${clockText(closed.contentErasedAt)}` }) : null),
    closed.referrals
      ? el("ul", { class: "earlier-referrals" }, closed.referrals.length === 0
        ? [el("li", { class: "muted", text: "No referral." })]
        : closed.referrals.map(referralLine))
      : null);
}

/** Lists the person's earlier cases beside their case; the section stays hidden for a first contact. */
export async function showEarlierCases(caseId, earlierCount, isCurrent) {
  const section = byId("earlier-section");
  const list = byId("earlier-cases");
  list.replaceChildren();
  section.hidden = earlierCount === 0;
  if (earlierCount === 0) {
    return;
  }
  try {
    const earlier = await getJson(`/api/case-history/${caseId}/earlier`);
    if (isCurrent()) {
      list.replaceChildren(...earlier.map(closedItem));
    }
  } catch (error) {
    list.replaceChildren(el("li", { class: "refusal", text: `The earlier cases could not be read: ${error.message}` }));
  }
}

/** Fills the list of closed cases this person handled (read when the list is unfolded). */
export async function showHandledCases() {
  const list = byId("handled-cases");
  try {
    const handled = await getJson("/api/case-history/handled");
    list.replaceChildren(...(handled.length === 0
      ? [el("li", { class: "empty", text: "You have closed no case yet." })]
      : handled.map(closedItem)));
  } catch (error) {
    list.replaceChildren(el("li", { class: "refusal", text: `Your closed cases could not be read: ${error.message}` }));
  }
}
