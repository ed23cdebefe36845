import { getJson, ApiError, goToSignIn } from "./api.js";

// Never give up reconnecting: a caseworker's console may sit through a long network outage and must come
// back by itself, soon after the network does. Waits grow by a second up to 5 s.
const retryPolicy = {
  nextRetryDelayInMilliseconds(context) {
    if (context.retryReason?.statusCode === 401) {
      // No retry: the connection closes, and onclose asks why (the client does not report it) and takes the page to sign in.
      return null;
    }
    return Math.min(5_000, 1_000 * context.previousRetryCount);
  },
};

const PAGE_SIZE = 500;

/**
 * Whether the session has ended on the server (signed out in another tab, or expired); if so the page goes
 * to sign in. The SignalR client reports a refused negotiation without its status code, so this asks.
 */
async function sessionEnded() {
  try {
    const response = await fetch("/api/session", { credentials: "same-origin", cache: "no-store" });
    if (response.status === 401) {
      goToSignIn(response);
      return true;
    }
  } catch {
    // Offline: the connection keeps retrying, and asks again on its next failure.
  }
  return false;
}

/**
 * A pushed case change is an array of positional fields, to keep fan-out small (Casework/CaseChangeJson.cs
 * on the server says why and in what order); this gives it the shape of a change anywhere else.
 */
export function caseChangeFromRow(row) {
  const [sequence, type, id, version, status, priority, triageScore, language, channel, queuedAtMilliseconds, reasons,
    conversationStatus, assigneeId = null, assigneeName = null, conversationStatusReason = null, intakeQuestion = null, intakeQuestions = null,
    earlierCases = 0, answeredAtMilliseconds = null, unansweredSinceMilliseconds = null, referral = null, inDangerNow = false,
    repliesRefusedFromMilliseconds = null] = row;
  const queuedAt = new Date(queuedAtMilliseconds).toISOString();
  const time = (milliseconds) => (milliseconds == null ? null : new Date(milliseconds).toISOString());
  return {
    sequence,
    type,
    case: {
      id, version, status, priority, triageScore, language, channel, queuedAt, reasons, conversationStatus, assigneeId, assigneeName,
      conversationStatusReason, intakeQuestion, intakeQuestions, earlierCases,
      answeredAt: time(answeredAtMilliseconds), unansweredSince: time(unansweredSinceMilliseconds), referral, inDangerNow,
      repliesRefusedFrom: time(repliesRefusedFromMilliseconds),
    },
  };
}

/**
 * The live connection to /hubs/cases and the resync from case events. A push is a hint and may arrive
 * twice; the database is the truth. The last sequence number seen is kept, and on start, on every
 * reconnect and whenever a push skips numbers, the events after it are fetched and applied.
 */
export class Live {
  constructor(handlers) {
    this.handlers = handlers;
    this.lastSequence = 0;
    this.state = "connecting";
    this.resyncing = null;
    this.resyncAgain = false;
    this.resyncTimer = null;
    // This page load's own id, kept through reconnections (the client reuses the URL): the hub seals it into the page's
    // viewings of cases, so that another page or tab showing the same case records its own opening (CaseHub.PageParameter).
    const pageId = crypto.randomUUID();
    this.connection = new window.signalR.HubConnectionBuilder()
      .withUrl(`/hubs/cases?page=${pageId}`)
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(window.signalR.LogLevel.Warning)
      .build();
    // Handlers before start(), so nothing pushed in between is lost.
    // One push per batch of changes, in sequence order; a console in several groups may hear a change twice.
    this.connection.on("CasesChanged", (rows) => {
      for (const row of rows) {
        const change = caseChangeFromRow(row);
        this.pushed(change.sequence, () => handlers.caseChanged?.(change.case, change.type, true, change.sequence));
      }
    });
    this.connection.on("MessageReceived", (notice) => this.pushed(notice.sequence,
      () => handlers.messageAdded?.(notice.caseId, notice.message, notice.whatsAppWindow, notice.sequence)));
    this.connection.on("ReplyQueued", (notice) => this.pushed(notice.sequence, () => handlers.messageAdded?.(notice.caseId, notice.message, null, notice.sequence)));
    // That a message came in a case this person holds, without the message: its body comes only with the case, opened.
    this.connection.on("MessageHeard", (notice) => this.pushed(notice.sequence, () => handlers.messageHeard?.(notice.caseId, notice.direction, notice.at, notice.sequence)));
    this.connection.on("MessageStatusChanged", (notice) => this.pushed(notice.sequence, () => handlers.messageStatusChanged?.(notice)));
    this.connection.on("QueueStatisticsChanged", (statistics) => handlers.statisticsChanged?.(statistics));
    this.connection.on("ColleagueOpenedCase", (caseId, colleague) => handlers.colleagueOpenedCase?.(caseId, colleague));
    this.connection.onreconnecting(() => {
      this.setState("reconnecting");
      sessionEnded();
    });
    this.connection.onreconnected(async () => {
      this.setState("connected");
      try {
        await handlers.reconnected?.();
      } catch (error) {
        handlers.problem?.(error?.message ?? String(error));
      }
      this.resync();
    });
    this.connection.onclose(async () => {
      this.setState("disconnected");
      if (!(await sessionEnded())) {
        this.startLater(2_000);
      }
    });
  }

  setState(state) {
    this.state = state;
    this.handlers.stateChanged?.(state);
  }

  /** Starts the connection (retrying until it succeeds), then resyncs from lastSequence. */
  async start() {
    try {
      await this.connection.start();
      this.setState("connected");
      this.resync();
    } catch (error) {
      if (error?.statusCode === 401) {
        // Asked once more, for the reason the client does not report; the session has ended either way.
        if (!(await sessionEnded())) {
          goToSignIn();
        }
        return;
      }
      if (error?.statusCode === 403) {
        this.setState("refused");
        return;
      }
      if (await sessionEnded()) {
        return;
      }
      this.setState("disconnected");
      this.startLater(2_000);
    }
  }

  startLater(delay) {
    window.setTimeout(() => {
      if (this.connection.state === window.signalR.HubConnectionState.Disconnected) {
        this.start();
      }
    }, delay);
  }

  /** Calls a hub method; each answers {ok, refusal, value}. A lost connection becomes a refusal to show. */
  async invoke(method, ...args) {
    // "lost" says the server may not have answered: a retry then carries the same request id.
    if (this.connection.state !== window.signalR.HubConnectionState.Connected) {
      return { ok: false, lost: true, refusal: "The console is not connected to the server right now; it is reconnecting. Try again in a moment.", value: null };
    }
    try {
      return await this.connection.invoke(method, ...args);
    } catch (error) {
      return { ok: false, lost: true, refusal: `The server could not do that: ${error?.message ?? error}`, value: null };
    }
  }

  // Applies a push at once (idempotently); if its number skips any, something may have been missed.
  pushed(sequence, apply) {
    apply();
    if (sequence > this.lastSequence + 1) {
      // Pushes only reach the groups that may see them, so numbers skip often: check at most once a second.
      this.scheduleResync(1_000);
    } else if (sequence === this.lastSequence + 1) {
      this.lastSequence = sequence;
    }
  }

  scheduleResync(delay = 250) {
    if (this.resyncTimer === null) {
      this.resyncTimer = window.setTimeout(() => {
        this.resyncTimer = null;
        this.resync();
      }, delay);
    }
  }

  /** Fetches every event after lastSequence, page by page, and hands each case as it is now to the page. */
  resync() {
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = (async () => {
      try {
        do {
          this.resyncAgain = false;
          await this.catchUp();
        } while (this.resyncAgain);
        this.handlers.resynced?.();
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          await this.handlers.reload?.();
        } else {
          this.handlers.problem?.(error.message ?? String(error));
          this.scheduleResync(3_000);
        }
      } finally {
        this.resyncing = null;
      }
    })();
    return this.resyncing;
  }

  async catchUp() {
    let more = true;
    while (more) {
      const page = await getJson(`/api/case-events?after=${this.lastSequence}&take=${PAGE_SIZE}`);
      for (const event of page.events) {
        this.handlers.caseEvent?.(event);
      }
      this.lastSequence = Math.max(this.lastSequence, page.lastSequence);
      more = page.more;
    }
  }
}
