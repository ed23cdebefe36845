// The statistics page: suppressed tables, their server-drawn charts and CSV links. Everything shown comes as
// display strings from the API ("12", "<5", "x"); the page never sees a hidden count, so it cannot leak one.
import { getJson } from "./api.js";
import { byId, el } from "./dom.js";
import { CASE_ROLES, requireSession, showSignedIn } from "./session.js";

// The roles of the Statistics policy (Auth/Policies.cs): a translation reviewer reads no statistics.
const session = await requireSession([...CASE_ROLES, "Ngo", "Admin"],
  "Statistics are for caseworkers, supervisors, administrators and partner organisations.");
showSignedIn(session);

const form = byId("range");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  load(byId("from").value, byId("to").value);
});

const initial = new URLSearchParams(window.location.search);
await load(initial.get("from") ?? "", initial.get("to") ?? "");
document.body.dataset.ready = "true";

function query(from, to) {
  return from && to ? `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : "";
}

async function load(from, to) {
  const status = byId("status-message");
  status.textContent = "Loading…";
  try {
    const view = await getJson(`/api/statistics?${query(from, to)}`);
    const range = query(view.from, view.to);
    byId("from").value = view.from;
    byId("to").value = view.to;
    window.history.replaceState(null, "", `?${range}`);
    byId("csv-all").href = `/api/statistics/csv?${range}`;
    showRule(view);
    const behind = byId("progress");
    behind.hidden = view.progress.countedThrough >= view.progress.lastSequence;
    behind.textContent = "The newest changes are still being counted; reload in a minute for complete figures.";
    renderTimings(view.timings);
    // Nothing counted at all is said once, with the months, rather than beside every table of zeros.
    byId("tables").replaceChildren(...(view.tables.every(isAllZero)
      ? [el("p", { class: "no-chart nothing-counted" },
        `No case was opened and no referral made from ${monthText(view.from)} to ${monthText(view.to)}: every table would be zeros. Choose other months, or `,
        el("a", { href: `/api/statistics/csv?${range}`, download: true, text: "download every table (CSV)" }), ".")]
      : view.tables.map((table) => renderTable(table, range))));
    status.textContent = "";
  } catch (error) {
    status.textContent = error.message;
  }
}

// During a rolling deploy this page may be served by a newer instance and its statistics by an older one, which gives the
// whole rule as one string, suppressionRule, and no rule object: that string is then the line, with nothing to unfold.
// Read unguarded, view.rule.summary threw and the page showed no table at all.
function showRule(view) {
  const paragraphs = view.rule?.paragraphs ?? [];
  byId("rule-summary").textContent = view.rule?.summary ?? view.suppressionRule ?? "";
  byId("rule-paragraphs").replaceChildren(...paragraphs.map((paragraph) => el("p", { text: paragraph })));
  byId("rule").hidden = paragraphs.length === 0;
}

function isHidden(text) {
  return text === "<5" || text === "x" || text === "–";
}

function cell(text, header = false) {
  return el(header ? "th" : "td", {
    class: isHidden(text) ? "number suppressed" : "number",
    title: text === "<5" ? "Between 1 and 4" : text === "x" ? "Hidden so that a small count cannot be worked out"
      : text === "–" ? "Not published for this month, so that a small count cannot be worked out from the month's other tables" : null,
    text,
  });
}

/** "2026-01" as "January 2026". */
function monthText(month) {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** A table's counts as shown; a blank cell is a month before a partner or language was counted at all: no count either way. */
function countsOf(table) {
  return [...table.rows.flatMap((row) => row.cells), ...(table.totals?.cells ?? [])].filter((text) => text !== "");
}

function isAllZero(table) {
  return countsOf(table).every((text) => text === "0");
}

/**
 * A table: its title and CSV link, then its charts, or the sentence that says why there are none, and the table itself. A
 * table whose every count is 0 is that sentence alone: its rows of zeros would say nothing more (the CSV still has them).
 */
function renderTable(table, range) {
  const titleId = `table-${table.id}`;
  const noChart = whyNoChart(table);
  const empty = isAllZero(table);
  const head = el("tr", {}, el("th", { scope: "col", text: table.rowHeading }),
    table.columns.map(columnHeading));
  const rows = table.rows.map((row) => el("tr", {}, el("th", { scope: "row", text: row.label }), row.cells.map((text) => cell(text))));
  if (table.totals) {
    rows.push(el("tr", { class: "totals" }, el("th", { scope: "row", text: table.totals.label }), table.totals.cells.map((text) => cell(text))));
  }

  return el("section", { "aria-labelledby": titleId, dataset: { table: table.id } },
    el("div", { class: "table-tools" },
      el("h2", { id: titleId, text: table.title }),
      el("a", { href: `/api/statistics/csv?table=${encodeURIComponent(table.id)}&${range}`, download: true, text: "CSV" })),
    table.note && !empty ? el("p", { class: "muted", text: table.note }) : null,
    noChart ? el("p", { class: "no-chart", text: noChart }) : el("div", { class: "charts" }, charts(table, range)),
    empty ? null : el("div", { class: "scroll" },
      el("table", { class: "table" }, el("caption", { class: "visually-hidden", text: table.title }),
        el("thead", {}, head), el("tbody", {}, rows))));
}

function charts(table, range) {
  const drawn = [el("img", {
    src: `/api/statistics/charts/${table.id}.svg?${range}`,
    alt: `${table.title}: bar chart of the totals, with the same hidden counts as the table`,
    loading: "lazy",
  })];
  if (table.totals) {
    drawn.push(el("img", {
      src: `/api/statistics/charts/${table.id}.svg?by=months&${range}`,
      alt: `${table.title}: bar chart of the totals by month`,
      loading: "lazy",
    }));
  }
  return drawn;
}

/**
 * A chart with no bar is an empty box that reads as broken (a fresh install has nothing to count; a hidden count gets
 * no bar): the sentence that says why stands in its place. The tables' ids say what they count ("referrals-by-…").
 */
function whyNoChart(table) {
  const counted = table.id.startsWith("referrals-") ? "referrals" : "cases";
  const counts = countsOf(table);
  if (isAllZero(table)) {
    return `No ${counted} in these months.`;
  }
  if (counts.every((text) => text === "0" || isHidden(text))) {
    return `Too few ${counted} in these months for a chart: every count is hidden.`;
  }
  return null;
}

/**
 * A month's heading as the server wrote it, its name on one line and what may still change it ("(so far)", "(provisional
 * until 1 Mar 2027)") on the lines under it, so that a year with three provisional months still fits a 1366 px window.
 */
function columnHeading(column) {
  const state = column.indexOf(" (");
  return el("th", { scope: "col", class: "number" },
    state < 0 ? column : column.slice(0, state + 1),
    state < 0 ? null : el("span", { class: "month-state", text: column.slice(state + 1) }));
}

// Where too few cases were measured the server withholds the figure and says why in one line, not in every cell.
function renderTimings(timings) {
  byId("timings").replaceChildren(...timings.map((timing) => timing.columns.length === 0
    ? el("p", { class: "muted", dataset: { timing: timing.id }, text: `${timing.title}: ${timing.withheld}` })
    : el("div", { class: "scroll", dataset: { timing: timing.id } },
      el("table", { class: "table" },
        el("caption", { class: "muted", text: timing.title }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "" }), timing.columns.map(columnHeading))),
        el("tbody", {},
          el("tr", {}, el("th", { scope: "row", text: "Median" }), timing.median.map((text) => el("td", { class: "number", text }))),
          el("tr", {}, el("th", { scope: "row", text: "Mean" }), timing.mean.map((text) => el("td", { class: "number", text }))))),
      timing.withheld ? el("p", { class: "muted", text: timing.withheld }) : null)));
}
