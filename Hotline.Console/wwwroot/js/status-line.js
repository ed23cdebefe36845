// The line under "Take next case". It says either how the last step went ("The case is closed.", "No case is waiting
// in your languages."), which is over once the queue or the open case moves on, or a warning (a claim lost, the queue
// not loaded, the hub's problem), which stays until the next step: a new case arriving must not wipe it unread.
import { byId } from "./dom.js";

export function sayOutcome(text) {
  const line = byId("status-message");
  line.textContent = text;
  line.dataset.outcome = "";
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
