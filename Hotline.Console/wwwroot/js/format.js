// How the console words things: priorities, languages, channels, waiting times.

export const PRIORITY_RANK = { Critical: 4, High: 3, Medium: 2, Low: 1 };

const languageNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "language" }) : null;

// The intake languages, in the order a caseworker looks for them when transferring, by the English names the intake
// script, the translations page and the statistics use: the browser's own names differ (Chromium says "Bangla").
const INTAKE_LANGUAGE_NAMES = {
  en: "English", ar: "Arabic", hi: "Hindi", ur: "Urdu", bn: "Bengali", ne: "Nepali", ml: "Malayalam",
  ta: "Tamil", te: "Telugu", si: "Sinhala", fil: "Filipino", id: "Indonesian", am: "Amharic", sw: "Swahili",
};

export const INTAKE_LANGUAGES = Object.keys(INTAKE_LANGUAGE_NAMES);

export function languageName(tag) {
  if (!tag || tag === "und") {
    return "Language not yet known";
  }
  if (Object.hasOwn(INTAKE_LANGUAGE_NAMES, tag)) {
    return `${INTAKE_LANGUAGE_NAMES[tag]} (${tag})`;
  }
  try {
    const name = languageNames?.of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/**
 * A case's short reference: the end of its id (the whole id is what the audit trail and the API show), the same wherever the
 * case is named, so that a caseworker can tell two cases of one band, language and channel apart and say which one she means.
 */
export function caseReference(caseId) {
  return caseId.slice(-8).toUpperCase();
}

/** A referral's short reference, the same on the partner's page and in the case (the end of its id). */
export function referralReference(referralId) {
  return referralId.slice(-8).toUpperCase();
}

export function channelName(channel) {
  return { Sms: "SMS", WhatsApp: "WhatsApp", Chat: "Web chat" }[channel] ?? channel;
}

export function conversationStatusText(status, reason) {
  // The server's reasons are sentences; the callers add their own full stop.
  const why = reason ? String(reason).replace(/\.\s*$/, "") : "";
  if (status === "OptedOut") {
    return why ? `Opted out: ${why}` : "Opted out";
  }
  if (status === "Quiet") {
    return why ? `Quiet: ${why}` : "Quiet";
  }
  return "";
}

/** The triage reason of a case whose intake ended because the person asked for a person: it says nothing of danger. */
export const ASKED_FOR_PERSON = "asked_for_person";

/**
 * The triage reason of a case opened, out of sight, by a message written while it was not safe to answer (after the discreet
 * word or "not safe"): it says nothing of danger, and nothing may be sent until the person says it is safe.
 */
export const WROTE_WHILE_NOT_SAFE = "wrote_while_not_safe";

/**
 * The triage reason of a case opened, out of sight, by a message written after the person opted out (STOP): it says nothing of
 * danger, and nothing may be sent until they send START.
 */
export const WROTE_WHILE_OPTED_OUT = "wrote_while_opted_out";

/**
 * The triage reason of a case whose person used the discreet word: someone may be reading their phone, so they are likely near
 * the person who controls it. It weighs on the priority (at least Medium) but says nothing they answered about danger.
 */
export const DISCREET_WORD = "discreet_word";

// A triage reason that stands for one ILO indicator goes by that indicator's name, as statistics and partners
// read it (Hotline.Api/Statistics/IndicatorMap.cs; a browser test holds the two together). Asking for a person, the discreet
// word, and writing while it was not safe to answer or after opting out, read as the caseworker would say them.
const REASON_NAMES = {
  [ASKED_FOR_PERSON]: "Asked for a person",
  [DISCREET_WORD]: "Used the discreet word: someone may be reading the phone",
  [WROTE_WHILE_NOT_SAFE]: "Wrote while it was not safe to answer",
  [WROTE_WHILE_OPTED_OUT]: "Wrote after opting out (STOP)",
  wages_withheld: "Withholding of wages",
  documents_retained: "Retention of identity documents",
  debt_to_employer: "Debt bondage",
  isolated: "Isolation",
  deceived_about_job: "Deception",
  excessive_hours: "Excessive overtime",
  poor_living_conditions: "Abusive working and living conditions",
  not_free_to_leave: "Restriction of movement",
  dependent_on_employer: "Abuse of vulnerability",
  reply_failed: "A reply to them could not be sent: they have had no answer",
};

// Other codes such as "threats_or_violence" read as "Threats or violence".
export function reasonText(code) {
  if (Object.hasOwn(REASON_NAMES, code)) {
    return REASON_NAMES[code];
  }
  const words = String(code).replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The case outcome codes (CaseStore/CaseOutcomes on the server); referral services and outcomes read as their words.
const OUTCOME_NAMES = {
  referred: "Referred to a partner",
  resolved: "Resolved by the hotline",
  no_contact: "No contact",
  declined_help: "Declined help",
  not_trafficking: "Not trafficking or exploitation",
  duplicate: "Duplicate",
  erased: "Erased on request",
};

export function outcomeText(code) {
  return Object.hasOwn(OUTCOME_NAMES, code) ? OUTCOME_NAMES[code] : reasonText(code);
}

export function secondsSince(isoTime, now = Date.now()) {
  return Math.max(0, Math.floor((now - Date.parse(isoTime)) / 1000));
}

export function durationText(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  }
  return `${Math.floor(hours / 24)} days`;
}

export function clockText(isoTime) {
  const at = new Date(isoTime);
  return at.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** A moment in UTC, always as "2025-06-01 14:02:07": the audit trail's rows line up, whatever precision the server gave. */
export function utcText(isoTime) {
  return new Date(isoTime).toISOString().slice(0, 19).replace("T", " ");
}

export function deliveryText(status) {
  return {
    pending: "Waiting to send",
    held: "Waiting for the person to write",
    queued: "Queued",
    accepted: "Queued",
    scheduled: "Queued",
    sending: "Sending",
    sent: "Sent",
    delivered: "Delivered",
    read: "Read",
    failed: "Failed",
    undelivered: "Not delivered",
    canceled: "Not sent (cancelled)",
    cancelled: "Not sent (cancelled)",
    received: "Received",
  }[String(status).toLowerCase()] ?? status;
}

// Mirrors Hotline.Api.Outbox.DeliveryStatuses: a status only ever replaces one of lower rank.
const DELIVERY_RANK = {
  pending: 0, held: 0, accepted: 1, scheduled: 1, queued: 1, sending: 2, sent: 3, delivered: 4, read: 5,
  failed: 6, undelivered: 6, canceled: 6, cancelled: 6, received: 6,
};

export function deliveryRank(status) {
  return DELIVERY_RANK[String(status).toLowerCase()] ?? -1;
}

// Every element with data-since shows how long ago that moment was; one timer keeps them all current.
export function startTicking(root = document) {
  const tick = () => {
    const now = Date.now();
    for (const element of root.querySelectorAll("[data-since]")) {
      const offset = Number(element.dataset.offset ?? 0);
      element.textContent = durationText(secondsSince(element.dataset.since, now) + offset);
    }
  };
  tick();
  return window.setInterval(tick, 1000);
}
