"use strict";

const fromInput = document.getElementById("from");
const whatsApp = document.getElementById("whatsapp");
const transcript = document.getElementById("transcript");
const errorLine = document.getElementById("error");

// photo: the name of a sample photo to attach, as Twilio's webhook carries an MMS's (NumMedia, MediaUrl0), or null.
async function send(photo) {
  const bodyInput = document.getElementById("body");
  errorLine.textContent = "";
  const signing = await fetch("/simulator/sms/sign", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from: fromInput.value, body: bodyInput.value, whatsApp: whatsApp.checked, photo }),
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

// The sample photos the hotline can fetch here; none, with the reason, when it cannot.
async function offerPhotos() {
  const response = await fetch("/simulator/photos", { cache: "no-store" });
  const choices = await response.json();
  const row = document.getElementById("photos");
  for (const photo of choices.photos) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `📷 ${photo.label}`;
    button.addEventListener("click", () => send(photo.name));
    row.append(button);
  }
  row.hidden = choices.photos.length === 0;
  const unavailable = document.getElementById("photos-unavailable");
  unavailable.textContent = choices.unavailable ?? "";
  unavailable.hidden = !choices.unavailable;
}

document.getElementById("compose").addEventListener("submit", (event) => {
  event.preventDefault();
  send(null);
});
fromInput.addEventListener("input", refresh);
whatsApp.addEventListener("change", refresh);
setInterval(refresh, 1500);
refresh();
offerPhotos();
