// The supervisor page: callers waiting per queue, agents by state with their calls, today's counts per queue, live
// over server-sent events; a supervisor can set an agent's status (the server audits it).
import { frame, api, t, translatePage } from "/assets/app.js";

await frame();
const $ = id => document.getElementById(id);
// A word the texts do not know (a reason typed elsewhere, a new topic) is shown as it is.
const label = (prefix, word) => { if (!word) return ""; const text = t(prefix + "." + word); return text === prefix + "." + word ? word : text; };
let view = null;
const seenQueues = new Set();
let clockSkew = 0;
const now = () => Date.now() + clockSkew;
const clock = ms => { const s = Math.max(0, Math.round(ms / 1000)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`; };
const startOfToday = () => { const d = new Date(); d.setHours(0, 0, 0, 0); return d.toISOString(); };

function row(cells, data) {
  const tr = document.createElement("tr");
  Object.assign(tr.dataset, data);
  for (const cell of cells) {
    const td = document.createElement("td");
    if (cell instanceof Node) td.append(cell); else td.textContent = cell ?? "";
    tr.append(td);
  }
  return tr;
}

function timer(since) {
  const span = document.createElement("span"); span.className = "timer"; span.dataset.since = since;
  span.textContent = clock(now() - Date.parse(since)); return span;
}

function forceControl(agent) {
  const box = document.createElement("div"); box.className = "toolbar";
  const select = document.createElement("select");
  select.append(...["available", "break", "loggedOut"].map(s => new Option(t("status." + s), s)));
  select.value = agent.status;
  const button = document.createElement("button"); button.type = "button"; button.className = "secondary"; button.textContent = t("sup.set");
  button.addEventListener("click", async () => {
    $("error").textContent = "";
    const body = { status: select.value, reason: select.value === "break" ? "supervisor" : null };
    const response = await api(`/api/agents/${encodeURIComponent(agent.extension)}/status`, { method: "PUT", body: JSON.stringify(body) });
    if (!response.ok) $("error").textContent = `${agent.extension}: ${t(response.status === 409 ? "desk.notNow" : "desk.failed")}`;
  });
  box.append(select, button);
  return box;
}

function render() {
  if (!view) return;
  // Every queue seen since the page opened keeps its row, also between a caller leaving and its record landing.
  const queues = new Map([...seenQueues].map(q => [q, { counts: null, waiting: [] }]));
  for (const c of view.today) queues.set(c.queue, { counts: c, waiting: [] });
  for (const c of view.callers) { if (!queues.has(c.queue)) queues.set(c.queue, { counts: null, waiting: [] }); queues.get(c.queue).waiting.push(c); }
  for (const queue of queues.keys()) seenQueues.add(queue);
  $("queues").tBodies[0].replaceChildren(...[...queues.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([queue, q]) => {
    const longest = q.waiting.length ? timer(q.waiting.map(c => c.enqueuedAt).sort()[0]) : "";
    const c = q.counts ?? { offered: 0, answered: 0, abandoned: 0, serviceLevelPercent: null, abandonRatePercent: null };
    return row([queue, String(q.waiting.length), longest, String(c.offered), String(c.answered), String(c.abandoned),
      c.serviceLevelPercent ?? "", c.abandonRatePercent ?? ""], { queue });
  }));
  $("counts-error").hidden = view.countsAvailable;
  $("callers-none").hidden = view.callers.length > 0;
  $("callers").hidden = view.callers.length === 0;
  $("callers").tBodies[0].replaceChildren(...view.callers.map(c => row([
    c.queue, String(c.position), c.caller, label("language", c.language), label("topic", c.topic),
    timer(c.enqueuedAt), c.offeredTo ?? ""], { callId: c.callId, caller: c.caller })));
  $("agents").tBodies[0].replaceChildren(...view.agents.map(a => row([
    a.extension, t("status." + a.status) + (a.status === "break" && a.breakReason ? ` (${label("break", a.breakReason)})` : ""),
    t("state." + a.state), timer(a.stateSince), a.caller, a.queue, forceControl(a)], { agent: a.extension, state: a.state, status: a.status })));
}

function tick() {
  for (const span of document.querySelectorAll("span.timer")) span.textContent = clock(now() - Date.parse(span.dataset.since));
}

function listen() {
  const events = new EventSource("/api/supervisor/events?since=" + encodeURIComponent(startOfToday()));
  events.addEventListener("live", e => {
    view = JSON.parse(e.data);
    clockSkew = Date.parse(view.at) - Date.now();
    render();
  });
  events.onerror = async () => {
    if (events.readyState === EventSource.CLOSED) { events.close(); await api("/api/me"); setTimeout(listen, 2000); }
  };
}

document.addEventListener("languagechange", () => { translatePage(); render(); });
setInterval(tick, 1000);
listen();
