import { el } from "./dom.js";

// A message's attachments in the transcript. A photo is shown from the host's own endpoint (the stripped,
// upright copy; never the provider's link) beside its evidence panel: the hash of the original, what the
// file said about when and where it was taken, and on what device. No map is drawn: a map tile would be
// fetched from outside, and with it the place. Supervisors may download the original as evidence.

export function attachmentItems(message, caseId, session) {
  return (message.attachments ?? []).map((attachment) => attachmentItem(attachment, caseId, session));
}

function attachmentItem(attachment, caseId, session) {
  if (attachment.status === "Pending") {
    return el("p", { class: "attachment attachment-pending", text: "Attachment being fetched…" });
  }
  if (attachment.status !== "Kept") {
    return el("p", { class: "attachment attachment-not-kept", text: `attachment not kept: ${attachment.reason ?? "unknown reason"}` });
  }
  const source = `/api/cases/${encodeURIComponent(caseId)}/media/${encodeURIComponent(attachment.id)}`;
  return el("figure", { class: "attachment attachment-kept", dataset: { mediaId: attachment.id } },
    attachment.hasView
      ? photo(source)
      : el("p", { class: "attachment-file", text: `File kept: ${typeName(attachment.contentType)}, ${sizeText(attachment.sizeBytes)}` }),
    evidencePanel(attachment, session.role === "Supervisor" ? `${source}/original` : null));
}

// The transcript was scrolled to its end before the photo had a height: a reader who was at the end stays there.
function photo(source) {
  const image = el("img", { class: "attachment-photo", src: source, alt: "Photo sent by the person" });
  image.addEventListener("load", () => {
    const list = image.closest("#transcript");
    if (list && list.scrollHeight - list.scrollTop - list.clientHeight - image.offsetHeight < 40) {
      list.scrollTop = list.scrollHeight;
    }
  });
  return image;
}

// "52.520094, 13.410000": what the copy button copies; the altitude is shown after it.
export function positionText(latitude, longitude) {
  return latitude != null && longitude != null ? `${latitude.toFixed(6)}, ${longitude.toFixed(6)}` : null;
}

export function altitudeText(altitude) {
  return altitude != null ? `, ${altitude.toFixed(1)} m` : "";
}

function evidencePanel(attachment, originalUrl) {
  const evidence = attachment.evidence ?? {};
  const position = positionText(evidence.latitude, evidence.longitude);
  const device = [evidence.make, evidence.model].filter((part) => part).join(" ");
  return el("figcaption", { class: "evidence-panel" },
    el("dl", {},
      row("SHA-256", el("code", { class: "evidence-hash", text: attachment.sha256 })),
      row("Taken", evidence.capturedAt ? `${evidence.capturedAt} (the device's clock)` : "not recorded in the file"),
      row("Position", position
        ? [el("span", { class: "evidence-position", text: position + altitudeText(evidence.altitude) }),
          copyButton(position)]
        : "not recorded in the file"),
      row("Device", device || "not recorded in the file"),
      row("Size", `${sizeText(attachment.sizeBytes)}, ${typeName(attachment.contentType)}`)),
    originalUrl ? el("a", { class: "evidence-original", href: originalUrl, download: "", text: "Download the original" }) : null);
}

export function row(label, value) {
  return [el("dt", { text: label }), el("dd", {}, value)];
}

export function copyButton(text) {
  const button = el("button", { type: "button", class: "evidence-copy", text: "Copy coordinates" });
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed: select the numbers instead";
    }
  });
  return button;
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function typeName(contentType) {
  return {
    "image/jpeg": "JPEG photo", "image/png": "PNG image", "image/gif": "GIF image", "image/webp": "WebP image", "image/heic": "HEIC photo",
    "application/pdf": "PDF document", "audio/ogg": "voice note (Ogg)", "audio/amr": "voice note (AMR)", "audio/mp4": "voice note (MP4)",
  }[contentType] ?? contentType;
}
