// What "Take next case" says of the cases she holds whose person waits for her reply. Only she can answer such a case while
// she holds it: it is out of the queue, and no colleague's "Take next case" reaches it. A reviewer found a person in danger
// waiting unseen in "Your cases", below the queue, while take next silently handed her other cases (docs/casework.md).
import { el, byId } from "./dom.js";
import { waitingSince, waitingTime } from "./queue.js";
import { caseReference } from "./format.js";

/**
 * How grave it is and how long the person has waited for her reply: "Critical, in danger now, waiting 12 min 04 s". The time
 * is the card's "Waiting for your reply" clock, ticking with it: written once as a bare "12 min 04 s", it stood still beside
 * the card's clock and its "open 40 min", three different times of one case on one screen.
 */
function gravity(summary) {
  const grave = [summary.priority, summary.inDangerNow === true ? "in danger now" : null].filter(Boolean).join(", ");
  return [`${grave}, waiting `, waitingTime(waitingSince(summary))];
}

export class HeldWaitingNotice {
  /** `open(caseId)`: puts a case she holds on screen. */
  constructor(open) {
    this.open = open;
    // What the last take next said: the held case it gave again ("again"), the other held cases that wait ("also"), or, with
    // no case in the queue, the held cases that wait ("only").
    this.told = null;
  }

  /**
   * After a take next that went through: `detail` is what it gave. The server names the other held cases whose person waits
   * (`alsoWaiting`): only those she can write to now. A WhatsApp person whose window closed with no re-engagement template
   * was named here as waiting for her reply, and her reply to them is refused; the summaries here cannot tell.
   */
  tell(detail) {
    if (detail.heldWaiting) {
      this.told = { kind: "again", ids: [detail.case.id] };
      return;
    }
    const ids = (detail.alsoWaiting ?? []).filter((id) => id !== detail.case.id);
    this.told = ids.length > 0 ? { kind: "also", ids } : null;
  }

  /**
   * After a take next refused because the queue holds no case for her: `waiting` is what the refusal names, the cases she
   * holds whose person waits for her reply, gravest first (null: none). "No case is waiting" alone had led her nowhere while
   * a person she held waited for her.
   */
  tellNoneQueued(waiting) {
    this.told = waiting?.length > 0 ? { kind: "only", ids: waiting } : null;
  }

  /**
   * Redraws the line; it goes once none of the cases it named waits for her any more (answered, released, closed). The cases
   * keep the server's order (gravest first, HeldCasesWaiting.WaitingAsync), and "Open case" opens the first of them: taken in
   * the order of `mine`, the list's, a review found the line and its button following the console's order instead.
   */
  render(mine, onScreenId) {
    const line = byId("held-waiting");
    const held = new Map(mine.map((c) => [c.id, c]));
    const waiting = (this.told?.ids ?? []).map((id) => held.get(id)).filter((c) => c != null && waitingSince(c) != null);
    if (waiting.length === 0) {
      this.told = null;
      line.hidden = true;
      line.replaceChildren();
      return;
    }
    const offScreen = waiting.find((c) => c.id !== onScreenId);
    const openButton = offScreen
      ? el("button", { type: "button", class: "secondary", dataset: { caseId: offScreen.id }, text: `Open case ${caseReference(offScreen.id)}` })
      : null;
    openButton?.addEventListener("click", () => this.open(offScreen.id));
    line.replaceChildren(...[
      ...(this.told.kind === "again"
        ? [`Case ${caseReference(waiting[0].id)} is waiting for your reply (`, ...gravity(waiting[0]), "): answer it before you take another case."]
        : [this.told.kind === "also" ? "Also waiting for your reply: " : "Waiting for your reply: ",
          ...waiting.flatMap((c, i) => [i > 0 ? "; " : "", `Case ${caseReference(c.id)} (`, ...gravity(c), ")"]), "."]),
      openButton,
    ].filter(Boolean));
    line.hidden = false;
  }
}
