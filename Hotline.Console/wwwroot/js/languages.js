import { getJson } from "./api.js";

// Whether a native speaker has reviewed each intake language: caseworkers should know when the person
// read machine-drafted wording.
let reviewed = new Map();

export async function loadLanguageReviews() {
  try {
    const languages = await getJson("/api/languages");
    reviewed = new Map(languages.map((l) => [l.tag, l.reviewed]));
  } catch {
    // The console works without it; the note is simply not shown.
  }
}

export function reviewNote(tag) {
  return reviewed.get(tag) === false ? "Intake wording in this language not yet reviewed by a native speaker" : null;
}
