const RENEW_EVERY_MS = 60_000;

/**
 * The claims this console holds. A caseworker answers several people at once, so every case they hold
 * stays claimed while the console is open: each lease is renewed every minute through the hub. A refused
 * renewal means the claim is gone (expired or taken over); the page is told so it can warn.
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
    this.timer = window.setInterval(() => this.renewAll(), RENEW_EVERY_MS);
  }

  hold(caseId, token, expiresAt) {
    if (token) {
      this.held.set(caseId, { token, expiresAt });
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
      const answer = await this.live.invoke("RenewLease", caseId, lease.token);
      if (this.held.get(caseId) !== lease) {
        continue;
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
}
