/**
 * When the person of each case this console follows last wrote, as the server timed it: the cards of the cases a caseworker
 * holds show it, beside their reference, so that she can tell them apart without opening them. Learnt from the claim
 * (HoldCase), the case shown, and each message heard of; never from a phone number or a message's words.
 */
export class PersonWrote {
  constructor() {
    this.times = new Map();
  }

  /** The person wrote at `at` (an ISO time; null or missing says nothing): an earlier time never replaces a later one. */
  wrote(caseId, at) {
    const known = this.times.get(caseId);
    if (at && (!known || Date.parse(at) > Date.parse(known))) {
      this.times.set(caseId, at);
      return true;
    }
    return false;
  }

  /** The last time of the person's messages in a transcript shown. */
  shown(caseId, transcript) {
    return this.wrote(caseId, lastFromPerson(transcript));
  }

  at(caseId) {
    return this.times.get(caseId) ?? null;
  }
}

export function lastFromPerson(transcript) {
  return transcript.filter((m) => m.direction === "Inbound").map((m) => m.at)
    .reduce((a, b) => (a && Date.parse(a) >= Date.parse(b) ? a : b), null);
}
