// Until the server says how long a claim lasts, and for long leases: once a minute.
const LONGEST_GAP_MS = 60_000;
// A renewal is a hub call for every case held: not more often than this, however short the lease.
const SHORTEST_GAP_MS = 5_000;

/**
 * How long the console waits between renewals of a lease of `leaseSeconds` (Hotline:Queue:LeaseSeconds, given with the case
 * and with each held claim): a third of it, so that one renewal lost or late still leaves the claim standing, between 5 s and a
 * minute. It renewed every minute whatever the lease: a 30-second lease ran out while she worked, and the case went back to
 * the queue under her.
 */
export function renewalGapMs(leaseSeconds) {
  return leaseSeconds ? Math.min(LONGEST_GAP_MS, Math.max(SHORTEST_GAP_MS, (leaseSeconds * 1000) / 3)) : LONGEST_GAP_MS;
}

/**
 * The claims this console holds. A caseworker answers several people at once, so every case they hold
 * stays claimed while the console is open: each lease is renewed through the hub, at a third of its length
 * (renewalGapMs). A refused renewal means the claim is gone (expired or taken over); the page is told so it can warn.
 */
export class Leases {
  constructor(live, { lost, unreachable, renewed }) {
    this.live = live;
    this.held = new Map();
    this.lost = lost;
    this.unreachable = unreachable;
    this.renewed = renewed;
    this.claimsInFlight = 0;
    this.afterClaims = [];
    this.gapMs = LONGEST_GAP_MS;
    this.timer = window.setInterval(() => this.renewAll(), this.gapMs);
  }

  /**
   * `leaseSeconds`: how long the server's claims last without renewal, when it says (null: not said). A claim taken up rather
   * than just made (the page loaded or reconnected: HoldCase, or her own case opened again) is renewed at once: its lease ran
   * on while no console renewed it, and waiting a whole gap for the first renewal let a case she had open go back to the queue
   * (the newcomer's walk: taken, the console reloaded now and then, back in the queue five minutes after the claim).
   */
  hold(caseId, token, expiresAt, leaseSeconds = null) {
    if (token) {
      const takenUp = this.claimsInFlight === 0 && this.held.get(caseId)?.token !== token;
      const lease = { token, expiresAt };
      this.held.set(caseId, lease);
      if (takenUp) {
        this.renew(caseId, lease);
      }
    }
    const gapMs = renewalGapMs(leaseSeconds);
    if (leaseSeconds && gapMs !== this.gapMs) {
      this.gapMs = gapMs;
      window.clearInterval(this.timer);
      this.timer = window.setInterval(() => this.renewAll(), gapMs);
    }
  }

  /**
   * Makes a claim (take next, take this case) and hands its answer to `use`, which holds the lease it brings. The claim's
   * own push can arrive first and say the case is now this person's: opening it then would read it twice.
   */
  async claim(invocation, use) {
    this.claimsInFlight += 1;
    try {
      use(await invocation);
    } finally {
      this.claimsInFlight -= 1;
      if (this.claimsInFlight === 0) {
        this.afterClaims.splice(0).forEach((action) => action());
      }
    }
  }

  /** Runs `action` for a case heard to be this person's once no claim is in flight, unless a claim brought its lease. */
  whenUnclaimed(caseId, action) {
    const run = () => {
      if (!this.token(caseId)) {
        action();
      }
    };
    if (this.claimsInFlight === 0) {
      run();
    } else {
      this.afterClaims.push(run);
    }
  }

  drop(caseId) {
    return this.held.delete(caseId);
  }

  token(caseId) {
    return this.held.get(caseId)?.token ?? null;
  }

  expiresAt(caseId) {
    return this.held.get(caseId)?.expiresAt ?? null;
  }

  async renewAll() {
    for (const [caseId, lease] of [...this.held]) {
      await this.renew(caseId, lease);
    }
  }

  async renew(caseId, lease) {
    const answer = await this.live.invoke("RenewLease", caseId, lease.token);
    if (this.held.get(caseId) !== lease) {
      return;
    }
    if (answer.ok) {
      lease.expiresAt = answer.value;
      this.renewed(caseId);
    } else if (this.live.state === "connected") {
      this.held.delete(caseId);
      this.lost(caseId, answer.refusal);
    } else {
      this.unreachable(caseId, answer.refusal);
    }
  }
}
