// Which case events about the open case's referrals call for reading its list again. A step taken here answers with the
// referral as it now stands, and the server records that answer in the audit trail as a read of the case's referrals;
// reading the list again when the step's own event is heard would show nothing new and record a second read for one
// action. The same event may also be heard twice (pushed, then again when the console catches up on what it missed).
// Events nobody here expects (a partner's answer, a colleague's step) still read the list, once.
const EVENT_OF_STEP = {
  propose: "ReferralProposed",
  consent: "ReferralConsentRecorded",
  send: "ReferralSent",
  withdraw: "ReferralWithdrawn",
};

export class ReferralEvents {
  constructor() {
    this.expected = [];
    this.heard = new Set();
  }

  /** Before a step is posted, as its event may be heard before its answer. */
  expect(action) {
    this.expected.push(EVENT_OF_STEP[action]);
  }

  /** Whether an event heard shows something this page has not shown yet. Each expected event is matched once. */
  callsForRead(type, sequence) {
    if (this.heard.has(sequence)) {
      return false;
    }
    this.heard.add(sequence);
    const index = this.expected.indexOf(type);
    if (index < 0) {
      return true;
    }
    this.expected.splice(index, 1);
    return false;
  }

  /**
   * A step without an answer: its event will not come, or came already. Returns whether it came, that is, whether
   * the step went through unseen here and the list is to be read again.
   */
  failed(action) {
    const index = this.expected.indexOf(EVENT_OF_STEP[action]);
    if (index < 0) {
      return true;
    }
    this.expected.splice(index, 1);
    return false;
  }

  /** Another case is shown: what was expected or heard of the last one says nothing about this one. */
  forget() {
    this.expected = [];
    this.heard.clear();
  }
}
