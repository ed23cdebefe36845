"use strict";

const userInput = document.getElementById("user");
const localeSelect = document.getElementById("locale");
const transcript = document.getElementById("transcript");
const errorLine = document.getElementById("error");
const languageUnknown = document.getElementById("language-unknown");

// The person this browser last played, kept in localStorage: a reload, a new tab or a browser started again goes on with the
// same person and conversation, as a chat app would, and only "New person" starts over. Each user id played keeps the
// language chosen for it, so an id typed back gets its language again. (A Development page: a made-up id, no one's data.)
const PERSON_KEY = "hotline.simulator.chat.person";
const LANGUAGES_KEY = "hotline.simulator.chat.languages";
const DEFAULT_LOCALE = "en-US";
let languages = JSON.parse(localStorage.getItem(LANGUAGES_KEY) ?? "{}");
let conversation;

function newId(prefix) {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// The server signs the activity as the Bot Connector would; the page posts it to the real endpoint.
async function post(type, text) {
  errorLine.textContent = "";
  const signing = await fetch("/simulator/chat/sign", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ type, user: userInput.value, conversation, text, locale: localeSelect.value || null }),
  });
  if (!signing.ok) {
    errorLine.textContent = (await signing.json()).detail;
    return false;
  }
  const signed = await signing.json();
  const answer = await fetch(signed.url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${signed.token}` },
    body: JSON.stringify(signed.activity),
  });
  // Read to the end though it is empty: the browser reports an unread answer as an aborted request, which reads as breakage.
  await answer.text();
  if (!answer.ok) {
    errorLine.textContent = `/api/messages answered ${answer.status}.`;
    return false;
  }
  await refresh();
  return true;
}

async function send(event) {
  event.preventDefault();
  const bodyInput = document.getElementById("body");
  if (await post("message", bodyInput.value)) {
    bodyInput.value = "";
  }
}

// Only the newest refresh is drawn: an answer for the user id as it was a keystroke ago must not replace this one's.
let newestRefresh = 0;

async function refresh() {
  const mine = ++newestRefresh;
  const response = await fetch(`/simulator/chat/messages?${new URLSearchParams({ user: userInput.value })}`, { cache: "no-store" });
  const lines = response.ok ? await response.json() : [];
  if (mine === newestRefresh) {
    showTranscript(transcript, lines);
  }
}

function keepPerson() {
  localStorage.setItem(PERSON_KEY, JSON.stringify({ user: userInput.value, conversation }));
}

function keepLanguage() {
  // Read again first: another tab may have kept a language since this one loaded.
  languages = { ...JSON.parse(localStorage.getItem(LANGUAGES_KEY) ?? "{}"), ...languages, [userInput.value]: localeSelect.value };
  localStorage.setItem(LANGUAGES_KEY, JSON.stringify(languages));
  languageUnknown.hidden = true;
}

/** The language this tab chose for the user id shown, or "Not known" and a line saying so: never another person's. */
function showLanguage() {
  const known = Object.hasOwn(languages, userInput.value);
  localeSelect.value = known ? languages[userInput.value] : "";
  languageUnknown.hidden = known;
}

function startNewPerson() {
  userInput.value = newId("user").replace("-", "_");
  conversation = newId("sim");
  localeSelect.value = DEFAULT_LOCALE;
  keepLanguage();
  keepPerson();
}

const kept = JSON.parse(localStorage.getItem(PERSON_KEY) ?? "null");
if (kept) {
  userInput.value = kept.user;
  conversation = kept.conversation;
  showLanguage();
} else {
  startNewPerson();
}

document.getElementById("compose").addEventListener("submit", send);
document.getElementById("open").addEventListener("click", () => {
  conversation = newId("sim");
  keepPerson();
  post("conversationUpdate");
});
document.getElementById("close").addEventListener("click", () => post("endOfConversation"));
document.getElementById("new-person").addEventListener("click", () => {
  startNewPerson();
  refresh();
});
userInput.addEventListener("input", () => {
  keepPerson();
  showLanguage();
  refresh();
});
localeSelect.addEventListener("change", keepLanguage);
setInterval(refresh, 1500);
refresh();
