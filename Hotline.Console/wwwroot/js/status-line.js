// A page's status line: under "Take next case", and at the top of the admin's pages. It says either how the last step
// went ("The case is closed.", "rev1 is added."), which is over once the queue or the open case moves on, or a warning
// (a claim lost, the queue not loaded, the hub's problem), which stays until the next step: a new case arriving must
// not wipe it unread.
import { byId } from "./dom.js";

export function sayOutcome(text) {
  const line = byId("status-message");
  line.textContent = text;
  line.dataset.outcome = "";
}

/** How a change went, on a page whose line is at its top: brought into view, as the form that made it may be far below. */
export function sayOutcomeInView(text) {
  sayOutcome(text);
  byId("status-message").scrollIntoView({ block: "nearest" });
}

export function warn(text) {
  const line = byId("status-message");
  line.textContent = text;
  delete line.dataset.outcome;
}

export function clearOutcome() {
  const line = byId("status-message");
  if ("outcome" in line.dataset) {
    line.textContent = "";
    delete line.dataset.outcome;
  }
}

/**
 * A refusal in `place`, a role="alert" paragraph beside what was refused (a screen reader hears it), brought into view:
 * a refusal out of view looked like a button that did nothing. No error empties and hides the place.
 */
export function showRefusal(place, error) {
  place.textContent = error ? error.message : "";
  place.hidden = !error;
  if (error) {
    place.scrollIntoView({ block: "nearest" });
  }
}
