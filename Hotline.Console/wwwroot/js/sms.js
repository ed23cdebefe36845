// SMS segment counting, ported from Hotline.Bot.Channels.Sms.SmsSegments and Gsm7Alphabet so the reply box
// shows exactly what the server will count. Lengths are UTF-16 code units, as in .NET and in Twilio's limit.

export const MAX_CHARACTERS = 1600;

const GSM7_SINGLE = 160;
// A multi-part message gives up room in each part to the header that reassembles it.
const GSM7_PER_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PER_PART = 67;

// The GSM 03.38 default alphabet (ESC left out: it only introduces an extension character) and its
// extension table, whose characters cost two septets each.
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅå" +
  "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
  " !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
  "¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION = "\f^{}\\[~]|€";

const ALL = new Set((BASIC + EXTENSION).split(""));
const EXTENDED = new Set(EXTENSION.split(""));

export function canEncodeGsm7(text) {
  for (let i = 0; i < text.length; i++) {
    if (!ALL.has(text[i])) {
      return false;
    }
  }
  return true;
}

// Each width is an indivisible piece: a phone cannot rejoin an escape pair or a surrogate pair split
// across two parts, so a piece that does not fit moves whole to the next part.
function build(encoding, characters, widths, single, perPart) {
  let total = 0;
  let parts = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > perPart) {
      parts++;
      used = 0;
    }
    used += width;
    total += width;
  }
  return { encoding, characters, segments: total <= single ? 1 : parts, septetsOrUnits: total };
}

function septetWidths(text) {
  const widths = [];
  for (let i = 0; i < text.length; i++) {
    widths.push(EXTENDED.has(text[i]) ? 2 : 1);
  }
  return widths;
}

function unitWidths(text) {
  const widths = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      widths.push(2);
    } else {
      widths.push(1);
    }
  }
  return widths;
}

/** { encoding: "Gsm7" | "Ucs2", characters, segments, septetsOrUnits }, as SmsSegments.Measure answers. */
export function measure(text) {
  if (text.length === 0) {
    return { encoding: "Gsm7", characters: 0, segments: 0, septetsOrUnits: 0 };
  }
  return canEncodeGsm7(text)
    ? build("Gsm7", text.length, septetWidths(text), GSM7_SINGLE, GSM7_PER_PART)
    : build("Ucs2", text.length, unitWidths(text), UCS2_SINGLE, UCS2_PER_PART);
}

export function isTooLong(text) {
  return text.length > MAX_CHARACTERS;
}

/** The reply counter's words: SMS parts and encoding only for an SMS, where they decide what the person receives. */
export function describe(text, channel = "Sms") {
  const m = measure(text);
  if (channel !== "Sms") {
    return `${m.characters} / ${MAX_CHARACTERS} characters${isTooLong(text) ? ` — over the ${MAX_CHARACTERS}-character limit` : ""}`;
  }
  const encoding = m.encoding === "Gsm7" ? "GSM-7" : "UCS-2 (Unicode)";
  const parts = m.segments === 1 ? "1 SMS" : `${m.segments} SMS`;
  const limit = isTooLong(text) ? ` — over the ${MAX_CHARACTERS}-character limit` : "";
  return `${m.characters} / ${MAX_CHARACTERS} characters · ${parts} · ${encoding}${limit}`;
}
