import { el, byId, whileBusy, submitButton } from "./dom.js";
import { getJson, postJson } from "./api.js";
import { clockText, referralReference } from "./format.js";
import { ReferralEvents } from "./referral-events.js";

// Referrals of the open case to partner NGOs: list, propose, record consent, send, withdraw.
// Every text goes in with textContent; every refusal from the server is shown as it is.

export const REFERRAL_STATUS_TEXT = {
  Proposed: "Proposed",
  ConsentRecorded: "Consent recorded",
  Sent: "Sent",
  Accepted: "Accepted",
  Declined: "Declined",
  Completed: "Completed",
  Withdrawn: "Withdrawn",
};
// What each step of the caseworker's tells them once it went through.
const STEP_DONE = {
  consent: (partner) => `Consent recorded for the referral to ${partner}. Send it when ready.`,
  send: (partner) => `Referral sent to ${partner}.`,
  withdraw: (partner) => `Referral to ${partner} withdrawn.`,
};
const WITHDRAWABLE = new Set(["Proposed", "ConsentRecorded", "Sent", "Accepted"]);

/**
 * A live referral whose partner can reach the person only through the hotline caseworker: the route "Through the hotline
 * caseworker", or a consent that shares no route at all. Once the case is closed, nobody can write to the person until
 * they write again, so that way leads nowhere meanwhile (the server tells the partner so and refuses Accept for both).
 */
export function reachesPersonThroughHotline(referrals) {
  return referrals.some((r) => WITHDRAWABLE.has(r.status) && r.consent
    && (r.consent.contactRoute === "through_hotline" || !r.consent.sharedFields.includes("contact_route")));
}
// Said before a referral without a contact route goes: the partner gets no way to reach the person, only the hotline.
// A partner cannot write in a referral (its page only accepts, declines and records the outcome): it contacts the hotline.
const NO_ROUTE_TEXT = "Without a contact route the partner cannot reach the person: they must contact the hotline, "
  + "quoting the referral's reference, and you pass their messages on.";
const ROUTE_STATUSES = new Set(["ConsentRecorded", "Sent", "Accepted"]);

/** A consented referral that shares no contact route, before it is sent and while the partner works on it. */
function noRouteLine(r) {
  return ROUTE_STATUSES.has(r.status) && !r.consent?.sharedFields.includes("contact_route")
    ? el("p", { class: "notice notice-warning referral-no-route", text: NO_ROUTE_TEXT })
    : null;
}

// A consent field that needs a value from the caseworker, and the form control that gives it.
const DETAILS = { summary: "summary", nationality: "nationality", region: "region", contact_route: "contactRoute" };

// The summary for the partner is written in the consent form, beside what the person agrees to share, and goes to
// the server (encrypted there) with the consent: the browser keeps no copy. Earlier versions kept a summary typed at
// "Propose" in the tab's sessionStorage, in the clear; a tab open across the upgrade still holds it until this removes it.
const FORMER_SUMMARY_PREFIX = "hotline.referralSummary.";
function removeFormerSummaries() {
  for (const key of Object.keys(window.sessionStorage).filter((k) => k.startsWith(FORMER_SUMMARY_PREFIX))) {
    window.sessionStorage.removeItem(key);
  }
}

let optionsPromise = null;
function loadOptions() {
  optionsPromise ??= getJson("/api/referral-options").catch((error) => {
    optionsPromise = null;
    throw error;
  });
  return optionsPromise;
}

/** "1 photo goes", "2 photos go": a count with its noun and verb. */
function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * How many photos the partner receives, as its inbox lists them: only for a consent that covers "photos". A declined
 * referral shares nothing any more, so its count (0) is not shown as "0 photos shared", which read as if none had gone.
 */
function photosSharedLine(r) {
  if (r.photosShared == null || r.status === "Withdrawn") {
    return null;
  }
  if (r.status === "Declined") {
    return el("p", { class: "muted referral-photos", text: "Nothing is shared after the partner declined." });
  }
  const text = r.status === "ConsentRecorded"
    ? `${plural(r.photosShared, "photo", "photos")} to share once sent`
    : `${plural(r.photosShared, "photo", "photos")} shared`;
  return el("p", { class: "muted referral-photos", text });
}

function options(select, entries, placeholder) {
  select.replaceChildren(
    ...(placeholder ? [el("option", { value: "", text: placeholder })] : []),
    ...entries.map(([value, label]) => el("option", { value, text: label })));
}

export class Referrals {
  constructor(view) {
    this.view = view;
    this.caseId = null;
    this.list = [];
    this.openConsent = null;
    // What the open consent form offers to share, as the server gave it for the case (see openConsentForm).
    this.consentFields = null;
    // The photos a consent to "photos" would share, listed in that form (see consentPhotoList).
    this.consentPhotos = null;
    // The open consent form, kept across redraws (see consentForm).
    this.openForm = null;
    this.options = null;
    this.events = new ReferralEvents();
    removeFormerSummaries();
    byId("referral-service").addEventListener("change", () => this.loadPartners());
    byId("referral-form").addEventListener("submit", (event) => {
      event.preventDefault();
      whileBusy(submitButton(byId("referral-form")), () => this.propose());
    });
    // The proposal's request id, kept until the server has answered (see propose).
    this.proposalRequest = null;
  }

  refuse(text) {
    const alert = byId("referral-refusal");
    alert.textContent = text ?? "";
    alert.hidden = !text;
    if (text) {
      this.say(null);
    }
  }

  /** What the last step did and what comes next, beside the list the caseworker is looking at; gone with the case. */
  say(text) {
    byId("referral-status").textContent = text ?? "";
  }

  /** After a proposal the form starts empty and folded, so the same referral is not proposed twice by mistake. */
  resetProposalForm() {
    byId("referral-form").reset();
    this.loadPartners();
    byId("propose-referral").open = false;
  }

  get base() {
    return `/api/cases/${this.caseId}/referrals`;
  }

  /** Called when a case is shown: loads its referrals (and, once, the closed lists). */
  async load(caseId) {
    if (caseId !== this.caseId) {
      this.caseId = caseId;
      this.list = [];
      this.openConsent = null;
      this.consentFields = null;
      this.consentPhotos = null;
      this.events.forget();
      this.refuse(null);
      this.say(null);
      this.render();
    }
    try {
      await this.ensureOptions();
      const list = await getJson(this.base);
      if (caseId === this.caseId) {
        this.list = list;
        this.render();
      }
    } catch (error) {
      this.refuse(error.message);
    }
  }

  async ensureOptions() {
    if (!this.options) {
      this.options = await loadOptions();
      options(byId("referral-service"), Object.entries(this.options.services), "Choose a service");
      await this.loadPartners();
    }
  }

  /** A closed case's referrals, as its record gave them: shown, never acted on. */
  async showFixed(caseId, list) {
    this.caseId = caseId;
    this.list = list;
    this.openConsent = null;
    this.consentFields = null;
    this.consentPhotos = null;
    this.events.forget();
    this.refuse(null);
    this.say(null);
    try {
      await this.ensureOptions();
    } catch (error) {
      this.refuse(error.message);
    }
    this.render();
  }

  get readOnly() {
    return this.view.readOnly;
  }

  async loadPartners() {
    const service = byId("referral-service").value;
    const select = byId("referral-partner");
    if (!service) {
      options(select, [], "Choose a service first");
      return;
    }
    const language = this.view.detail?.case.language ?? "";
    try {
      const partners = await getJson(`/api/partners?service=${encodeURIComponent(service)}&language=${encodeURIComponent(language)}`);
      options(select, partners.map((p) => [p.id, p.name]),
        partners.length === 0 ? "No active partner offers this service in this language" : "Choose a partner");
    } catch (error) {
      this.refuse(error.message);
    }
  }

  async propose() {
    const caseId = this.caseId;
    this.proposalRequest ??= crypto.randomUUID();
    this.events.expect("propose");
    try {
      const referral = await postJson(this.base, {
        partnerId: byId("referral-partner").value || null,
        service: byId("referral-service").value || null,
        requestId: this.proposalRequest,
      });
      this.proposalRequest = null;
      this.refuse(null);
      if (caseId === this.caseId) {
        this.resetProposalForm();
        this.openConsent = referral.id;
        this.consentFields = null;
        this.consentPhotos = null;
        this.upsert(referral);
        this.say(`Referral to ${referral.partnerName} proposed. Record the person's consent below; nothing is sent before that.`);
        await this.openConsentForm(referral.id);
      }
    } catch (error) {
      // Status 0: the server may not have answered, so a retry keeps the same request id.
      if (error.status !== 0) {
        this.proposalRequest = null;
      }
      this.refuse(error.message);
      this.stepFailed(caseId, "propose");
    }
  }

  async step(referral, action, body = undefined) {
    const caseId = this.caseId;
    this.events.expect(action);
    try {
      const changed = await postJson(`${this.base}/${referral.id}/${action}`, body);
      this.refuse(null);
      if (action === "consent") {
        this.openConsent = null;
        this.consentFields = null;
        this.consentPhotos = null;
      }
      this.upsert(changed);
      this.say(STEP_DONE[action](changed.partnerName));
    } catch (error) {
      this.refuse(error.message);
      this.stepFailed(caseId, action);
    }
  }

  /** A step whose event was heard though its answer never came went through: the list is read to show it. */
  stepFailed(caseId, action) {
    if (caseId === this.caseId && this.events.failed(action)) {
      this.load(caseId);
    }
  }

  upsert(referral) {
    this.list = [...this.list.filter((r) => r.id !== referral.id), referral];
    this.render();
  }

  render() {
    if (this.openForm?.referralId !== this.openConsent) {
      this.openForm = null;
    }
    const items = [...this.list].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    byId("referrals").replaceChildren(...(items.length === 0
      ? [el("li", { class: "empty", text: "No referrals yet." })]
      : items.map((r) => this.item(r))));
  }

  item(r) {
    const service = this.options?.services[r.service] ?? r.service;
    const status = REFERRAL_STATUS_TEXT[r.status] ?? r.status;
    // The time of the step the status names: consent is recorded after the proposal, sometimes long after.
    const time = r.completedAt ?? r.respondedAt ?? r.sentAt ?? r.consent?.givenAt ?? r.createdAt;
    const actions = el("div", { class: "referral-actions" });
    // A closed case is read, never changed: no step is offered on it.
    // "Record consent" only opens the form (the form has its own way to close): a second click never folds away what was typed.
    if (r.status === "Proposed" && !this.readOnly && this.openConsent !== r.id) {
      const consent = el("button", { type: "button", class: "secondary", text: "Record consent" });
      consent.addEventListener("click", () => whileBusy(consent, async () => {
        await this.openConsentForm(r.id);
        byId(`consent-${r.id}-giver`)?.closest("form").scrollIntoView({ block: "nearest" });
      }));
      actions.append(consent);
    }
    if (r.status === "ConsentRecorded" && !this.readOnly) {
      const send = el("button", { type: "button", class: "primary", text: "Send referral" });
      send.addEventListener("click", () => whileBusy(send, () => this.step(r, "send")));
      actions.append(send);
    }
    if (WITHDRAWABLE.has(r.status) && !this.readOnly) {
      const withdraw = el("button", { type: "button", class: "danger", text: "Withdraw" });
      withdraw.addEventListener("click", () => whileBusy(withdraw, () => this.step(r, "withdraw")));
      actions.append(withdraw);
    }
    return el("li", { class: "referral", dataset: { referralId: r.id, status: r.status } },
      el("p", { class: "referral-head" }, el("span", { class: "referral-partner", text: r.partnerName }), " · ", service),
      el("p", { class: "referral-meta" }, el("span", { class: "referral-status", text: status }), ` · ${clockText(time)} · `,
        // The reference the partner sees on its side, so that both can name the same referral.
        el("span", { class: "referral-reference", text: `Reference ${referralReference(r.id)}` })),
      photosSharedLine(r),
      noRouteLine(r),
      r.declineReason ? el("p", { class: "muted", text: `Declined: ${this.options?.declineReasons[r.declineReason] ?? r.declineReason}` }) : null,
      r.outcome ? el("p", { class: "muted", text: `Outcome: ${this.options?.outcomes[r.outcome] ?? r.outcome}` }) : null,
      r.outcomeNote ? el("p", { class: "muted", dir: "auto", text: r.outcomeNote }) : null,
      actions.childElementCount > 0 ? actions : null,
      r.status === "Proposed" && this.openConsent === r.id && this.options && this.consentFields ? this.consentForm(r) : null);
  }

  /**
   * Opens a proposed referral's consent form once the server has said what a consent can cover on this case: a case
   * without a photo offers no photo fields, as the server refuses them there. Until then neither the form nor "Record
   * consent" shows; a form already open for it stays as it is.
   */
  async openConsentForm(referralId) {
    const caseId = this.caseId;
    const current = () => caseId === this.caseId && this.openConsent === referralId;
    if (this.openConsent !== referralId) {
      this.openConsent = referralId;
      this.consentFields = null;
      this.consentPhotos = null;
      this.render();
    }
    try {
      const fields = await getJson(`${this.base}/consent-fields`);
      // Which photos a consent to "photos" would send, listed under the boxes before she ticks it (an audited read).
      const photos = fields.photos ? await this.readConsentPhotos() : null;
      if (current() && !this.consentFields) {
        this.consentFields = fields;
        this.consentPhotos = photos;
        this.render();
      }
    } catch (error) {
      if (current() && !this.consentFields) {
        this.openConsent = null;
        this.render();
      }
      this.refuse(error.message);
    }
  }

  /** The photos a consent recorded now would share, or the reason they could not be read (the form opens all the same). */
  async readConsentPhotos() {
    try {
      return await getJson(`${this.base}/consent-photos`);
    } catch (error) {
      return { error: error.message };
    }
  }

  /**
   * What goes with "Photos the person sent": how many, each with when it came and a small copy through the case view's own
   * authorised route. A photo sent before the consent is saved goes too, so the sent referral says how many went.
   */
  consentPhotoList() {
    const list = this.consentPhotos;
    if (!list) {
      return null;
    }
    if (list.error) {
      return el("p", { class: "refusal consent-photos-count", text: `The photos that would go could not be read: ${list.error}` });
    }
    const count = list.photos.length;
    const fetching = list.stillBeingFetched > 0
      ? ` ${plural(list.stillBeingFetched, "more file is", "more files are")} still being fetched: each goes too once kept, if it is a photo.`
      : "";
    return el("div", { class: "consent-photos" },
      el("p", { class: "consent-photos-count", text: `With the photos box ticked, ${plural(count, "photo goes", "photos go")} to the partner:${fetching}` }),
      el("ul", { class: "consent-photo-list", "aria-label": "Photos that go to the partner" }, list.photos.map((photo) => el("li", {},
        el("img", { class: "consent-photo", src: photo.path, alt: `Photo the person sent ${clockText(photo.sentAt)}` }),
        el("span", { class: "consent-photo-sent", text: `Sent ${clockText(photo.sentAt)}` })))),
      el("p", { class: "muted", text: "A photo the person sends before you save the consent goes too: the referral then says how many went." }));
  }

  /**
   * The case's answer to the intake's last question, where the person is now ("Which city or area are you in now?"), or ""
   * when there is none or it is longer than the region a partner may receive (100 characters): cut short, it could name a
   * different place, and a form that starts with a value the server refuses would make her find out why.
   */
  placeGiven() {
    const place = this.view.detail?.answers?.find((a) => a.stepId === "location")?.text ?? "";
    return place.length <= 100 ? place : "";
  }

  /**
   * The consent form of a proposed referral. A live update (a partner's answer on another referral, say) redraws the
   * list: the same form is put back, so what the caseworker has ticked and typed so far stays; closing it or saving
   * the consent lets it go.
   */
  consentForm(r) {
    if (this.openForm?.referralId === r.id) {
      return this.openForm.form;
    }
    const id = (name) => `consent-${r.id}-${name}`;
    const o = this.options;
    const boxes = Object.entries(this.consentFields).map(([code, label]) => {
      // The box sits inside its own label, on its line: it cannot read as belonging to the item above or below.
      const box = el("input", { type: "checkbox", id: id(`field-${code}`), value: code });
      return el("li", {}, el("label", { class: "check", for: id(`field-${code}`) }, box, el("span", { text: label })));
    });
    const giver = el("select", { id: id("giver") });
    options(giver, Object.entries(o.consentGivers), "Choose who gave consent");
    const channel = el("select", { id: id("channel") });
    options(channel, Object.entries(o.consentChannels), "Choose the channel");
    const summary = el("textarea", { id: id("summary"), dir: "auto", rows: "3" });
    const nationality = el("input", { type: "text", id: id("nationality"), maxlength: "2" });
    // Where the person said they are, in the intake's own words, so the caseworker does not copy it by hand: it goes to the
    // partner only if "Region" is ticked, and she can shorten it to what the partner needs first.
    const region = el("input", { type: "text", id: id("region"), maxlength: "100", value: this.placeGiven() });
    const route = el("select", { id: id("contactRoute") });
    options(route, Object.entries(o.contactRoutes), "Choose a contact route");
    const controls = { summary, nationality, region, contactRoute: route };
    // Beside the buttons, while "How the partner may reach the person" is unticked: what the partner is left with.
    const noRoute = el("p", { class: "notice notice-warning consent-no-route", role: "status", text: NO_ROUTE_TEXT });
    const form = el("form", { class: "stack consent-form", "aria-label": `Consent for the referral to ${r.partnerName}` },
      // The photos follow the boxes, so the two photo boxes stay side by side above them.
      el("fieldset", {}, el("legend", { text: "What the person agrees to share" }), el("ul", { class: "consent-fields" }, boxes),
        this.consentFields.photos ? this.consentPhotoList() : null),
      el("label", { for: id("giver"), text: "Consent given by" }), giver,
      el("label", { for: id("channel"), text: "Consent channel" }), channel,
      el("label", { for: id("summary"), text: "Summary for the partner (if shared)" }), summary,
      el("label", { for: id("nationality"), text: "Nationality, two-letter code (if shared)" }), nationality,
      el("label", { for: id("region"), text: "Region (if shared)" }), region,
      el("label", { for: id("contactRoute"), text: "Contact route (if shared)" }), route,
      noRoute,
      el("span", { class: "field-row" },
        el("button", { type: "submit", class: "primary", text: "Save consent" }),
        el("button", { type: "button", class: "secondary", text: "Not now", "data-close": "" })));
    const routeBox = form.querySelector("input[type=checkbox][value=contact_route]");
    const showRoute = () => {
      noRoute.hidden = routeBox?.checked === true;
    };
    routeBox?.addEventListener("change", showRoute);
    showRoute();
    form.querySelector("[data-close]").addEventListener("click", () => {
      this.openConsent = null;
      this.consentFields = null;
      this.consentPhotos = null;
      this.render();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const fields = [...form.querySelectorAll("input[type=checkbox]:checked")].map((b) => b.value);
      const detail = (code) => (fields.includes(code) ? controls[DETAILS[code]].value.trim() || null : null);
      whileBusy(submitButton(form), () => this.step(r, "consent", {
        givenBy: giver.value || null,
        channel: channel.value || null,
        sharedFields: fields,
        summary: detail("summary"),
        nationality: detail("nationality"),
        region: detail("region"),
        contactRoute: detail("contact_route"),
      }));
    });
    this.openForm = { referralId: r.id, form };
    return form;
  }
}
