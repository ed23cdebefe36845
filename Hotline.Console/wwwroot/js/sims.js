// The admin's import of issued SIM cards: a CSV in, how many were imported and which rows were not, out. The numbers
// go to the server once, in the request; the page keeps none of them.
import { postCsv } from "./api.js";
import { byId, el, submitButton, whileBusy } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";

const session = await requireSession(["Admin"], "Only administrators import issued SIM cards.");
showSignedIn(session);

const form = byId("import-form");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  return whileBusy(submitButton(form), importFile);
});
document.body.dataset.ready = "true";

async function importFile() {
  const file = byId("file").files[0];
  byId("rejected").hidden = true;
  try {
    // The file as it is, bytes and all: the server refuses one that is not UTF-8 with advice, where decoding it here would not.
    const report = await postCsv("/api/admin/sims", file);
    const rejected = report.rejected.length;
    byId("status-message").textContent = `Imported ${count(report.imported, "SIM")}`
      + (rejected > 0 ? `; ${count(rejected, "row")} not imported, listed below.` : ".");
    byId("rejected-rows").replaceChildren(...report.rejected.map((row) =>
      el("tr", {}, el("td", { text: String(row.line) }), el("td", { text: row.reason }))));
    byId("rejected").hidden = rejected === 0;
  } catch (error) {
    byId("status-message").textContent = error.message;
  }
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
