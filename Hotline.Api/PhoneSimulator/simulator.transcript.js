// The transcript both simulators show: a bubble for each message, the delivery status under each reply.
// A classic script, like the pages' own, loaded before them: it defines the function they call.
// The thread scrolls inside its box and follows the newest message unless the reader has scrolled up to read.
function showTranscript(transcript, lines) {
  const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 8;
  transcript.replaceChildren(...lines.map((line) => {
    const bubble = document.createElement("div");
    bubble.className = `line ${line.direction}`;
    bubble.textContent = line.body;
    if (line.withPhoto) {
      const photo = document.createElement("div");
      photo.className = "photo-sent";
      photo.textContent = "📷 photo";
      bubble.prepend(photo);
    }
    const status = document.createElement("div");
    status.className = "status";
    status.textContent = line.direction === "Outbound" ? line.status : "";
    bubble.append(status);
    return bubble;
  }));
  if (atBottom) {
    transcript.scrollTop = transcript.scrollHeight;
  }
}
