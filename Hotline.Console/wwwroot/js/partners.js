// The admin's partner directory: list, add and edit partners, and link NGO accounts to their organisation.
import { getJson, postJson, putJson } from "./api.js";
import { byId, el } from "./dom.js";
import { requireSession, showSignedIn } from "./session.js";
import { languageName } from "./format.js";
import { sayOutcomeInView, clearOutcome, showRefusal } from "./status-line.js";

const session = await requireSession(["Admin"], "Only administrators keep the partner directory.");
showSignedIn(session);

let services = {};
let partners = [];
let editing = null;

services = (await getJson("/api/referral-options")).services;
byId("services").append(...Object.entries(services).map(([code, text]) =>
  el("label", {}, el("input", { type: "checkbox", value: code, name: "service" }), ` ${text}`)));
byId("partner-form").addEventListener("submit", save);
byId("cancel").addEventListener("click", () => edit(null));
await refresh();
document.body.dataset.ready = "true";

function showProblem(error) {
  showRefusal(byId("problem"), error);
}

async function refresh() {
  try {
    partners = await getJson("/api/admin/partners");
    const accounts = await getJson("/api/admin/ngo-users");
    renderPartners();
    renderAccounts(accounts);
  } catch (error) {
    // In the problem's place, as the accounts page does: the status line says how the last change went.
    showProblem(error);
  }
}

function list(text) {
  return text.split(",").map((item) => item.trim()).filter(Boolean);
}

function renderPartners() {
  byId("partners").replaceChildren(...(partners.length === 0
    ? [el("tr", {}, el("td", { colspan: 7, class: "empty", text: "No partner yet." }))]
    : partners.map((partner) => {
      const button = el("button", { type: "button", class: "link", text: "Edit" });
      button.addEventListener("click", () => edit(partner));
      return el("tr", { dataset: { partnerId: partner.id } },
        el("td", { text: partner.name }),
        el("td", { text: partner.services.map((s) => services[s] ?? s).join(", ") }),
        el("td", { text: partner.languages.map(languageName).join(", ") }),
        el("td", { text: partner.regions.join(", ") }),
        el("td", { text: [partner.contactName, partner.contactEmail, partner.contactPhone].filter(Boolean).join(" · ") }),
        el("td", { text: partner.active ? "Active" : "Inactive" }),
        el("td", {}, button));
    })));
}

function renderAccounts(accounts) {
  byId("accounts").replaceChildren(...(accounts.length === 0
    ? [el("tr", {}, el("td", { colspan: 2, class: "empty", text: "No NGO account yet." }))]
    : accounts.map((account) => {
      const id = `organisation-${account.id}`;
      const select = el("select", { id },
        el("option", { value: "", text: "Not linked" }),
        partners.map((p) => el("option", { value: p.id, selected: p.id === account.organisationId, text: p.name })));
      // The answer shows beside the select that was changed: the page's own status line is far above, out of view.
      const answer = el("span", { class: "link-answer", role: "status" });
      select.addEventListener("change", async () => {
        showProblem(null);
        answer.className = "link-answer";
        try {
          await putJson(`/api/admin/users/${account.id}/organisation`, { organisationId: select.value || null });
          answer.textContent = select.value
            ? `Linked to ${select.selectedOptions[0].textContent}.`
            : "Not linked to any partner now.";
        } catch (error) {
          answer.className = "link-answer refusal";
          answer.textContent = error.message;
        }
        answer.scrollIntoView({ block: "nearest" });
      });
      return el("tr", { dataset: { userId: account.id } },
        el("td", {}, el("label", { for: id, text: `${account.displayName}${account.disabled ? " (disabled)" : ""}` })),
        el("td", {}, select, " ", answer));
    })));
}

function edit(partner) {
  editing = partner;
  byId("form-title").textContent = partner ? `Edit ${partner.name}` : "Add a partner";
  byId("save").textContent = partner ? "Save changes" : "Add partner";
  byId("cancel").hidden = !partner;
  byId("name").value = partner?.name ?? "";
  byId("languages").value = partner?.languages.join(", ") ?? "";
  byId("regions").value = partner?.regions.join(", ") ?? "";
  byId("contact-name").value = partner?.contactName ?? "";
  byId("contact-email").value = partner?.contactEmail ?? "";
  byId("contact-phone").value = partner?.contactPhone ?? "";
  byId("active").checked = partner?.active ?? true;
  for (const box of byId("services").querySelectorAll("input")) {
    box.checked = partner?.services.includes(box.value) ?? false;
  }
  byId("name").focus();
}

async function save(event) {
  event.preventDefault();
  // The last change's outcome is over: it must not stand beside this one's.
  clearOutcome();
  showProblem(null);
  showRefusal(byId("form-problem"), null);
  const body = {
    name: byId("name").value,
    services: [...byId("services").querySelectorAll("input:checked")].map((box) => box.value),
    languages: list(byId("languages").value),
    regions: list(byId("regions").value),
    contactName: byId("contact-name").value,
    contactEmail: byId("contact-email").value,
    contactPhone: byId("contact-phone").value,
    active: byId("active").checked,
    version: editing?.version ?? null,
  };
  try {
    const saved = editing
      ? await putJson(`/api/admin/partners/${editing.id}`, body)
      : await postJson("/api/admin/partners", body);
    const outcome = editing ? `${saved.name} is changed.` : `${saved.name} is added.`;
    edit(null);
    await refresh();
    // Said last: emptying the form puts the keyboard in its first field, which scrolls the page down to it.
    sayOutcomeInView(outcome);
  } catch (error) {
    // Under the form, where the person is: the page's own problem line is far above it.
    showRefusal(byId("form-problem"), error);
  }
}
