// What this browser has shown the signed-in person of each case's messages from the person, kept in localStorage under a key
// of her own so that her other tabs, and a reload, agree (case ids, times and case-event numbers only, never a message's
// words or the person's number; forgotten at sign-out and on the sign-in page, as a computer may be shared): when the person
// last wrote (the cards of the cases she holds show it), the last of their messages she has had on screen and the point of
// the case-event log it was read at, and whether one came that she has not been shown. That last is what "New message" on a
// card means: it goes once the case is on screen with the message, in any of her tabs, and comes back with a newer one. A
// push is a hint that may come twice and a resync replays the log, so news of a message the screen was read after (its event
// number at or before that point) is not news.
const PREFIX = "hotline.caseNews.";

/** Forgets what every signed-in person was shown in this browser: at sign-out, and on the sign-in page (signin.js too). */
export function forgetCaseNews(storage = window.localStorage) {
  for (const key of Object.keys(storage).filter((k) => k.startsWith(PREFIX))) {
    storage.removeItem(key);
  }
}

export class CaseNews {
  constructor(userId, storage = window.localStorage) {
    this.key = PREFIX + userId;
    this.storage = storage;
    this.refresh();
  }

  /** Takes up what another of her tabs wrote (a `storage` event); true when it was this record, and the cards may change. */
  changedElsewhere(event) {
    if (event.key !== this.key && event.key !== null) {
      return false;
    }
    this.refresh();
    return true;
  }

  refresh() {
    this.cases = new Map(Object.entries(read(this.storage, this.key)));
  }

  /**
   * The case is on screen with the person's messages up to `lastAt` (an ISO time; null: none yet), as of case-event `sequence`.
   * True when a card changes.
   */
  shown(caseId, lastAt, sequence) {
    this.refresh();
    const news = this.entry(caseId);
    const changed = news.unseen || later(lastAt, news.wrote);
    news.shown = latest(news.shown, lastAt);
    news.shownSequence = Math.max(news.shownSequence ?? 0, sequence ?? 0);
    news.wrote = latest(news.wrote, lastAt);
    news.unseen = false;
    this.save();
    return changed;
  }

  /** The case is on screen as the hub or the API read it (its transcript, and the log's point it was read at). */
  shownDetail(detail) {
    return this.shown(detail.case.id, lastFromPerson(detail.transcript), detail.lastSequence);
  }

  /**
   * The person wrote in a case that is not on screen, by case event `sequence`; `at` is when (null: not known). True when a
   * card changes.
   */
  heard(caseId, at, sequence) {
    this.refresh();
    const news = this.entry(caseId);
    if (sequence != null && sequence <= (news.shownSequence ?? 0)) {
      return false;
    }
    const changed = !news.unseen || later(at, news.wrote);
    news.wrote = latest(news.wrote, at);
    news.unseen = true;
    this.save();
    return changed;
  }

  /** When the person last wrote, as the claim on a held case says: new to her if after what she was shown of the case. */
  wrote(caseId, at) {
    this.refresh();
    const news = this.entry(caseId);
    if (!later(at, news.wrote)) {
      return false;
    }
    news.wrote = at;
    news.unseen ||= news.shown != null && later(at, news.shown);
    this.save();
    return true;
  }

  /**
   * Whether the person wrote something she has not been shown in this browser: a message heard of since the case was last on screen, or one
   * after the last caseworker reply (the queue's unansweredSince) later than the last she was shown.
   */
  isNew(summary) {
    const news = this.cases.get(summary.id);
    if (news?.unseen) {
      return true;
    }
    const afterReply = summary.answeredAt != null ? summary.unansweredSince : null;
    return afterReply != null && !(news?.shown != null && !later(afterReply, news.shown));
  }

  personWroteAt(caseId) {
    return this.cases.get(caseId)?.wrote ?? null;
  }

  /** Forgets every case but these (the open cases one may see), so her record does not grow for ever. */
  keepOnly(caseIds) {
    this.refresh();
    const keep = new Set(caseIds);
    for (const caseId of [...this.cases.keys()]) {
      if (!keep.has(caseId)) {
        this.cases.delete(caseId);
      }
    }
    this.save();
  }

  entry(caseId) {
    let news = this.cases.get(caseId);
    if (!news) {
      news = { shown: null, shownSequence: 0, wrote: null, unseen: false };
      this.cases.set(caseId, news);
    }
    return news;
  }

  /** Written at once, after reading it again (refresh): two tabs changing different cases keep both changes. */
  save() {
    this.storage.setItem(this.key, JSON.stringify(Object.fromEntries(this.cases)));
  }
}

function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

function later(a, b) {
  return a != null && (b == null || Date.parse(a) > Date.parse(b));
}

function latest(a, b) {
  return later(b, a) ? b : a;
}

export function lastFromPerson(transcript) {
  return transcript.filter((m) => m.direction === "Inbound").map((m) => m.at).reduce(latest, null);
}
