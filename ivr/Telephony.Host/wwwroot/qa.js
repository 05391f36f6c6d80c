// The QA page: find recordings, listen (the player seeks through range requests), score with the published scorecard.
import { frame, api, t, translatePage } from "/assets/app.js";

await frame();
const body = document.querySelector("#recordings tbody");
const player = document.getElementById("player");
let current = null;
let form = null;

const percent = score => score === null || score === undefined ? "" : `${Math.round(score * 100)}%`;
const seconds = ms => ms === null || ms === undefined ? "" : `${Math.round(ms / 1000)} s`;
const value = id => document.getElementById(id).value.trim();

function query() {
  const params = new URLSearchParams();
  if (value("from")) params.set("from", new Date(value("from") + "T00:00:00").toISOString());
  if (value("to")) params.set("to", new Date(new Date(value("to") + "T00:00:00").getTime() + 86400000).toISOString());
  for (const key of ["agent", "queue", "caller", "minSeconds", "maxSeconds", "evaluated"]) if (value(key)) params.set(key, value(key));
  return params.toString();
}

async function search() {
  const rows = await (await api("/api/recordings?" + query())).json();
  document.getElementById("empty").hidden = rows.length > 0;
  body.replaceChildren(...rows.map(r => {
    const tr = document.createElement("tr");
    tr.dataset.recording = r.id;
    for (const v of [new Date(r.startedAt).toLocaleString(), r.caller ?? "", r.agent ?? "", r.queue ?? "", seconds(r.durationMs),
      t("recording." + r.status), r.evaluations ? percent(r.latestScore) : "—"]) {
      const td = document.createElement("td"); td.textContent = v; tr.append(td);
    }
    const open = document.createElement("button"); open.type = "button"; open.className = "secondary open"; open.textContent = t("qa.open");
    open.addEventListener("click", () => review(r));
    const td = document.createElement("td"); td.append(open); tr.append(td);
    return tr;
  }));
}

async function review(recording) {
  current = recording;
  document.getElementById("review").hidden = false;
  document.getElementById("recordingInfo").textContent =
    `${new Date(recording.startedAt).toLocaleString()} · ${recording.caller ?? ""} → ${recording.agent ?? ""} (${recording.queue ?? ""}) · ${seconds(recording.durationMs)}`;
  player.src = `/api/recordings/${recording.id}/audio`;
  document.getElementById("result").textContent = "";
  document.getElementById("error").textContent = "";
  const forms = await (await api("/api/scorecards")).json();
  const published = forms.find(f => f.publishedVersion !== null);
  if (!published) { document.getElementById("error").textContent = t("qa.noScorecard"); return; }
  form = await (await api(`/api/scorecards/${encodeURIComponent(published.formId)}?published=true`)).json();
  renderScorecard();
}

function choice(criterionId, answer, label) {
  const wrap = document.createElement("label"); wrap.className = "choice";
  const input = document.createElement("input"); input.type = "radio"; input.name = "c-" + criterionId; input.value = answer;
  input.id = `ans-${criterionId}-${answer}`;
  wrap.append(input, " ", label);
  return wrap;
}

function renderScorecard() {
  document.getElementById("scorecardName").textContent = `${form.name} (v${form.version})`;
  const box = document.getElementById("criteria");
  box.replaceChildren(...form.sections.map(section => {
    const part = document.createElement("fieldset");
    const legend = document.createElement("legend"); legend.textContent = section.title; part.append(legend);
    for (const c of section.criteria) {
      const row = document.createElement("div"); row.className = "criterion"; row.dataset.criterion = c.id;
      const text = document.createElement("p");
      text.textContent = `${c.text} · ${t("qa.weight")} ${c.weight}${c.critical ? " · " + t("qa.critical") : ""}`;
      if (c.critical) text.className = "critical";
      const choices = document.createElement("div"); choices.className = "toolbar";
      if (c.answerType === "scale") for (const n of [1, 2, 3, 4, 5]) choices.append(choice(c.id, String(n), String(n)));
      else choices.append(choice(c.id, "yes", t("qa.answerYes")), choice(c.id, "no", t("qa.answerNo")));
      choices.append(choice(c.id, "na", t("qa.answerNa")));
      row.append(text, choices);
      part.append(row);
    }
    return part;
  }));
}

function answers() {
  const result = {};
  for (const section of form.sections) for (const c of section.criteria) {
    const picked = document.querySelector(`input[name="c-${c.id}"]:checked`);
    if (!picked) throw new Error(t("qa.unanswered") + " " + c.text);
    result[c.id] = /^[1-5]$/.test(picked.value) ? { kind: "scale", value: Number(picked.value) } : { kind: picked.value };
  }
  return result;
}

async function problem(response) {
  try { return (await response.json()).detail ?? response.statusText; } catch { return response.statusText; }
}

async function submit() {
  const error = document.getElementById("error");
  error.textContent = "";
  let chosen;
  try { chosen = answers(); } catch (e) { error.textContent = e.message; return; }
  const created = await api(`/api/recordings/${current.id}/evaluations`, { method: "POST", body: JSON.stringify({ formId: form.formId, version: form.version }) });
  if (!created.ok) { error.textContent = await problem(created); return; }
  const evaluation = await created.json();
  const saved = await api(`/api/evaluations/${evaluation.id}/answers`, { method: "PUT", body: JSON.stringify({ answers: chosen }) });
  if (!saved.ok) { error.textContent = await problem(saved); return; }
  const submitted = await api(`/api/evaluations/${evaluation.id}/submit`, { method: "POST" });
  if (!submitted.ok) { error.textContent = await problem(submitted); return; }
  const done = await submitted.json();
  document.getElementById("result").textContent = `${t("qa.submitted")} ${percent(done.score)}`;
  await search();
}

document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); search(); });
document.getElementById("scorecard").addEventListener("submit", e => { e.preventDefault(); submit(); });
document.addEventListener("languagechange", () => { translatePage(); search(); if (form) renderScorecard(); });
await search();
