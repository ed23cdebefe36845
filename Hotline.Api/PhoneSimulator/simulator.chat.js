"use strict";

const userInput = document.getElementById("user");
const localeSelect = document.getElementById("locale");
const transcript = document.getElementById("transcript");
const errorLine = document.getElementById("error");
let conversation = newId("sim");

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
    body: JSON.stringify({ type, user: userInput.value, conversation, text, locale: localeSelect.value }),
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

userInput.value = newId("user").replace("-", "_");
document.getElementById("compose").addEventListener("submit", send);
document.getElementById("open").addEventListener("click", () => {
  conversation = newId("sim");
  post("conversationUpdate");
});
document.getElementById("close").addEventListener("click", () => post("endOfConversation"));
userInput.addEventListener("input", refresh);
setInterval(refresh, 1500);
refresh();
