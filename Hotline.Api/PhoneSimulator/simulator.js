"use strict";

const fromInput = document.getElementById("from");
const whatsApp = document.getElementById("whatsapp");
const transcript = document.getElementById("transcript");
const errorLine = document.getElementById("error");

async function send(event) {
  event.preventDefault();
  const bodyInput = document.getElementById("body");
  errorLine.textContent = "";
  const signing = await fetch("/simulator/sms/sign", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from: fromInput.value, body: bodyInput.value, whatsApp: whatsApp.checked }),
  });
  if (!signing.ok) {
    errorLine.textContent = (await signing.json()).detail;
    return;
  }
  const signed = await signing.json();
  const webhook = await fetch(signed.url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signed.signature },
    body: new URLSearchParams(signed.fields),
  });
  // Read to the end: the browser reports an unread answer as an aborted request, which reads as breakage.
  await webhook.text();
  if (!webhook.ok) {
    errorLine.textContent = `The webhook answered ${webhook.status}.`;
    return;
  }
  bodyInput.value = "";
  await refresh();
}

// Only the newest refresh is drawn: an answer for the number as it was a keystroke ago must not replace this one's.
let newestRefresh = 0;

async function refresh() {
  const mine = ++newestRefresh;
  const query = new URLSearchParams({ from: fromInput.value, whatsApp: whatsApp.checked });
  const response = await fetch(`/simulator/sms/messages?${query}`, { cache: "no-store" });
  const phone = response.ok ? await response.json() : null;
  if (mine !== newestRefresh) {
    return;
  }
  if (!phone) {
    // A number being typed is not yet one: show no thread rather than the previous number's.
    showTranscript(transcript, []);
    document.getElementById("opted-out").hidden = true;
    return;
  }
  showTranscript(transcript, phone.lines);
  document.getElementById("opted-out").hidden = !phone.optedOut;
}

document.getElementById("compose").addEventListener("submit", send);
fromInput.addEventListener("input", refresh);
whatsApp.addEventListener("change", refresh);
setInterval(refresh, 1500);
refresh();
