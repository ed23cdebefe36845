import { el } from "./dom.js";
import { attachmentItems } from "./attachments.js";
import { clockText, deliveryText, deliveryRank } from "./format.js";

/** A case's messages by id, oldest first. Adding a message twice, or an older delivery status, changes nothing. */
export class Transcript {
  constructor(messages = []) {
    this.messages = new Map(messages.map((m) => [m.id, m]));
  }

  add(message) {
    const existing = this.messages.get(message.id);
    if (existing && deliveryRank(existing.deliveryStatus) > deliveryRank(message.deliveryStatus) && !isHeld(message.deliveryStatus)) {
      return false;
    }
    this.messages.set(message.id, existing ? { ...existing, ...message } : message);
    return true;
  }

  changeStatus(messageId, status, error) {
    const message = this.messages.get(messageId);
    // "held" may follow any status: WhatsApp refused the reply outside its 24-hour window, and it waits for the person.
    if (!message || (!isHeld(status) && deliveryRank(status) < deliveryRank(message.deliveryStatus))) {
      return false;
    }
    // A status that moves forward brings its own explanation: a reply that waited and is now sent drops why it waited.
    const advanced = deliveryRank(status) > deliveryRank(message.deliveryStatus)
      || isHeld(message.deliveryStatus);
    this.messages.set(messageId, { ...message, deliveryStatus: status, deliveryError: error ?? (advanced ? null : message.deliveryError) });
    return true;
  }

  /**
   * In the order they were stored: by their place in the conversation. Their times cannot say it: a message and the
   * replies it causes share a millisecond (ordering ties by id put "call 112 now" after the question that followed it on
   * the phone), and two instances' clocks may differ by more than the moment between two messages.
   */
  ordered() {
    return [...this.messages.values()].sort((a, b) => a.sequence - b.sequence);
  }
}

function isHeld(status) {
  return String(status).toLowerCase() === "held";
}

function author(message, session, names) {
  if (message.direction === "Inbound") {
    return "The person";
  }
  if (!message.authorUserId) {
    return "Automatic reply";
  }
  return message.authorUserId === session.userId ? "You" : names.get(message.authorUserId) ?? "A colleague";
}

/** Nothing to read and nothing attached (an empty SMS): said so, not shown as a blank bubble with only a time. */
function isEmpty(message) {
  return !message.contentErased && !message.body?.trim() && (message.attachments ?? []).length === 0;
}

/** A message of the transcript; SMS parts are counted only where the channel is SMS (a chat or WhatsApp message has none). */
export function messageItem(message, session, names, channel, caseId) {
  const outbound = message.direction === "Outbound";
  const status = String(message.deliveryStatus ?? "").toLowerCase();
  return el("li", { class: `message ${outbound ? "outbound" : "inbound"}`, dataset: { messageId: message.id } },
    message.body?.trim() ? el("p", { class: "message-body", dir: "auto", text: message.body }) : null,
    isEmpty(message) ? el("p", { class: "message-empty", text: "(empty message)" }) : null,
    message.contentErased ? el("p", { class: "message-erased", text: "(words removed: retention or erasure)" }) : null,
    attachmentItems(message, caseId, session),
    el("p", { class: "message-meta" },
      el("span", { class: "message-author", text: author(message, session, names) }),
      el("time", { datetime: message.at, text: clockText(message.at) }),
      channel === "Sms" && message.segments > 0 ? el("span", { text: message.segments === 1 ? "1 SMS" : `${message.segments} SMS` }) : null,
      outbound ? el("span", { class: `delivery delivery-${status}`, dataset: { status }, text: deliveryText(status) }) : null,
      outbound && message.deliveryError ? el("span", { class: "delivery-error", text: message.deliveryError }) : null));
}
