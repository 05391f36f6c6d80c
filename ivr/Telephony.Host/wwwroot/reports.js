// The reports page: figures of a period, generation of the stored XLSX/CSV with charts, and the list of stored reports.
import { frame, api, t, translatePage } from "/assets/app.js";

await frame();
const kind = document.getElementById("kind");
const period = document.getElementById("period");
const yesterday = new Date(Date.now() - 86400000);
period.value = yesterday.toISOString().slice(0, 10);

const columns = [
  ["offered", f => f.offered], ["answered", f => f.answered], ["abandoned", f => f.abandoned],
  ["shortAbandoned", f => f.shortAbandoned], ["sl", f => fixed(f.serviceLevelPercent)],
  ["asa", f => fixed(f.averageSpeedOfAnswerSeconds)], ["aht", f => fixed(f.averageHandleSeconds)],
  ["longest", f => fixed(f.longestWaitSeconds)], ["callbacks", f => `${f.callbacksRequested} / ${f.callbacksMade}`],
  ["survey", f => f.surveyCount ? `${fixed(f.surveyAverage)} (${f.surveyCount})` : ""],
  ["occupancy", f => fixed(f.occupancyPercent)], ["ivrDropped", f => f.ivrDropped],
];
const fixed = v => v === null || v === undefined ? "" : Number(v).toFixed(1);

function table(name, keyHeading, rows) {
  const wrap = document.createElement("div");
  wrap.className = "card";
  const h = document.createElement("h2"); h.textContent = name; wrap.append(h);
  const tbl = document.createElement("table"); tbl.dataset.table = name;
  const head = document.createElement("tr");
  for (const heading of [keyHeading, ...columns.map(c => t("reports." + c[0]))]) {
    const th = document.createElement("th"); th.textContent = heading; head.append(th);
  }
  tbl.append(head);
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const value of [row.key, ...columns.map(c => c[1](row.figures))]) {
      const td = document.createElement("td"); td.textContent = value; tr.append(td);
    }
    tbl.append(tr);
  }
  wrap.append(tbl);
  return wrap;
}

async function show() {
  document.getElementById("error").textContent = "";
  const response = await api(`/api/reports/preview/${kind.value}?period=${period.value}`);
  if (!response.ok) { document.getElementById("error").textContent = (await response.json()).detail; return; }
  const data = await response.json();
  const result = document.getElementById("result");
  const formula = document.createElement("p"); formula.textContent = t("reports.formula");
  result.replaceChildren(table(t("reports.summary"), "", [{ key: data.period.label ?? "", figures: data.summary }]), formula,
    ...data.tables.map(tb => table(tb.name, tb.keyHeading, tb.rows)));
}

async function generate() {
  const response = await api(`/api/reports/${kind.value}?period=${period.value}`, { method: "POST" });
  if (!response.ok) { document.getElementById("error").textContent = (await response.json()).detail; return; }
  const report = await response.json();
  const links = document.getElementById("links");
  const charts = document.getElementById("charts");
  links.replaceChildren(...report.files.map(f => {
    const li = document.createElement("li"); const a = document.createElement("a");
    a.href = f.url; a.textContent = f.name; a.setAttribute("download", f.name); li.append(a); return li;
  }));
  charts.replaceChildren(...report.files.filter(f => f.name.endsWith(".png")).map(f => {
    const img = document.createElement("img"); img.src = f.url; img.alt = f.name; img.style.maxWidth = "100%"; return img;
  }));
  document.getElementById("files").hidden = false;
  await show();
  await list();
}

async function list() {
  const reports = await (await api("/api/reports")).json();
  document.querySelector("#stored tbody").replaceChildren(...reports.map(r => {
    const tr = document.createElement("tr");
    const label = document.createElement("td"); label.textContent = `${t("reports." + r.kind)} ${r.label}`;
    const when = document.createElement("td"); when.textContent = `${t("reports.generated")} ${new Date(r.generatedAt).toLocaleString()} (${r.generatedBy})`;
    const files = document.createElement("td");
    for (const f of r.files) { const a = document.createElement("a"); a.href = f.url; a.textContent = f.name; a.style.marginRight = "1em"; files.append(a); }
    tr.append(label, when, files);
    return tr;
  }));
}

document.getElementById("pick").addEventListener("submit", e => { e.preventDefault(); show(); });
document.getElementById("generate").addEventListener("click", generate);
document.addEventListener("languagechange", () => { translatePage(); show(); });
await list();
