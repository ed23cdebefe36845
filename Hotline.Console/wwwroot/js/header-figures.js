// The console header's figures: the people waiting for this caseworker, then the whole hotline's line and the people nobody
// can write to now, from the queue statistics the hub pushes (QueueStatistics). Apart from console.js so that what the header
// says of given figures can be checked on its own.
import { el } from "./dom.js";
import { waitingSince, waitingTime, silentCritical } from "./queue.js";
import { durationText } from "./format.js";

/**
 * The header's parts: `waitingForYou`, the queued cases of her languages whose person waits for a reply; `figures`, the last
 * statistics pushed (null: none yet), read at `figuresAt` (ms).
 *
 * The first figure says where it counts: "waiting in your queue". It read "0 waiting for you" while her own card said "Waiting
 * for your reply · 5 min" and the banner above named another case of hers waiting for her reply: the cases she holds are not
 * in the queue, and the card and banner count them (docs/casework.md).
 */
export function headerFigures(waitingForYou, figures, figuresAt) {
  const parts = [el("span", {}, el("strong", { text: String(waitingForYou.length) }), " waiting in your queue")];
  if (waitingForYou.length > 0) {
    const oldest = waitingForYou.map(waitingSince).reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    parts.push(el("span", {}, "oldest ", waitingTime(oldest)));
  }
  if (figures) {
    parts.push(hotlineWide(figures, figuresAt));
    const silent = silentFigure(figures);
    if (silent) {
      parts.push(silent);
    }
  }
  return parts;
}

/**
 * The whole hotline's line, by the supervisor view's rules (docs/casework.md, "The supervisor view's figures"): a person waits
 * for a reply whether their case is in the queue or taken, and "being answered" is a taken case whose person nobody owes a reply
 * now. It counted only the queue as waiting and every taken case as being answered: a person whose taken case nobody had
 * answered was "being answered" here while a colleague's supervisor view counted them waiting.
 *
 * `taken` came later than the queue's figures: a console served by a newer instance may hear from an older one during a rolling
 * deploy, whose figures have none. It threw there, and the header showed nothing; without them the line says what the queue's
 * figures say, and leaves out what only `taken` knows (the taken people waiting, "being answered").
 */
function hotlineWide(figures, figuresAt) {
  const taken = figures.taken ?? null;
  const takenWaiting = taken?.waiting ?? 0;
  const waiting = figures.queued + takenWaiting;
  const byPriority = ["Critical", "High", "Medium", "Low"]
    .map((p) => [p, (figures.queuedByPriority?.[p] ?? 0) + (taken?.waitingByPriority?.[p] ?? 0)])
    .filter(([, count]) => count > 0)
    .map(([p, count]) => `${count} ${p.toLowerCase()}`);
  // Only whoever holds a taken case can answer its person: "Take next case" reaches the others. Said inside the brackets, it
  // reads as a part of the waiting figure, not as one more kind of case beside "being answered".
  const bands = byPriority.join(", ");
  const takenPart = takenWaiting > 0 ? `${takenWaiting} taken` : null;
  const oldest = Math.max(figures.queued > 0 ? figures.oldestWaitingSeconds : 0, takenWaiting > 0 ? taken.oldestWaitingSeconds : 0);
  const answered = beingAnswered(taken);
  const beingAnsweredPart = answered == null ? "" : `, ${answered} being answered`;
  // One line at 1366x768 (docs/casework.md): with all four bands and a wait over an hour it wrapped in two. The bands, gravest
  // first, are the part that gives way, cut short with an ellipsis from the least grave; the whole line is its title.
  const line = el("span", { class: "hotline-wide" },
    el("span", { text: `Whole hotline: ${waiting} waiting${bands || takenPart ? " (" : ""}` }),
    bands ? el("span", { class: "hotline-bands", text: bands }) : null,
    el("span", { text: `${bands && takenPart ? "; " : ""}${takenPart ?? ""}${bands || takenPart ? ")" : ""}${beingAnsweredPart}` }),
    waiting > 0 ? el("span", { class: "hotline-oldest" }, ", oldest ", el("time", { dataset: { offset: Math.floor(oldest), since: new Date(figuresAt).toISOString() },
      text: durationText(oldest) })) : null);
  line.title = `Whole hotline: ${waiting} waiting${bands || takenPart ? ` (${[bands, takenPart].filter(Boolean).join("; ")})` : ""}${beingAnsweredPart}`;
  return line;
}

/**
 * The taken cases being answered: answered, with nothing new from a person who can be written to. `taken.beingAnswered` also
 * holds the taken cases whose person went quiet or opted out, which nobody can answer: the header read "2 being answered" of
 * two taken quiet cases, counted again in "Nothing can be sent to 2, queued or taken" beside it. Null (left out) when the
 * figures cannot tell them apart (an older instance's, without `taken.quiet`).
 */
export function beingAnswered(taken) {
  return taken?.beingAnswered == null || taken.quiet == null || taken.optedOut == null
    ? null
    : taken.beingAnswered - taken.quiet - taken.optedOut;
}

/**
 * People nobody can write to until they write again: not "waiting", but not to be forgotten either, in the words of the queue's
 * groups ("Nothing can be sent to them now"). The Critical ones among them, taken right after the Critical people waiting,
 * stand out. Counted queued or taken, as the supervisor view's "Critical, nothing can be sent to them now" is: the header
 * counted the queue only beside it, so the two read 1 and 2 critical of the same hotline. Figures without the taken cases'
 * (an older instance's) are counted, and said to be, in the queue only.
 */
function silentFigure(figures) {
  const taken = figures.taken?.quiet != null && figures.taken?.optedOut != null ? figures.taken : null;
  const quiet = (figures.quiet ?? 0) + (taken?.quiet ?? 0);
  const optedOut = (figures.optedOut ?? 0) + (taken?.optedOut ?? 0);
  const count = quiet + optedOut;
  if (count === 0) {
    return null;
  }
  // Short words, to keep the header's figures one line each at 1366x768; the queue's cards say until when, and so does the title.
  const kinds = [
    quiet > 0 ? `${quiet} quiet` : null,
    optedOut > 0 ? `${optedOut} opted out` : null,
  ].filter(Boolean);
  const critical = silentCritical(figures) + (taken?.cannotBeWrittenToByPriority?.Critical ?? 0);
  return el("span", { class: "hotline-silent", title: "Quiet: until they say it is safe to write. Opted out: until they send START." }, `Nothing can be sent to ${count}${taken ? ", queued or taken" : " in the queue"}`,
    critical > 0 ? [" ", el("strong", { class: "hotline-critical", text: `(${critical} critical)` })] : null,
    `: ${kinds.join(", ")}`);
}
