// The wallboard: live queue tiles and agent states, polled every two seconds from /api/wallboard.
import { frame, api, t, translatePage } from "/assets/app.js";

const refreshMs = 2000;
const states = ["idle", "reserved", "ringing", "on_call", "wrap_up", "break", "logged_out"];
let last = null;

await frame();

const duration = seconds => {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};
const queueName = id => { const key = "wallboard.queue." + id; const text = t(key); return text === key ? id : text; };
const slClass = level => level === null ? "" : level >= 80 ? "sl-good" : level >= 60 ? "sl-warn" : "sl-bad";

function figure(name, value, labelKey, extraClass = "") {
  const box = document.createElement("div"); box.className = "wb-figure"; box.dataset.figure = name;
  const number = document.createElement("span"); number.className = "wb-number " + extraClass; number.textContent = value;
  const label = document.createElement("span"); label.className = "wb-label"; label.textContent = t(labelKey);
  box.append(number, label);
  return box;
}

function queueTile(q) {
  const tile = document.createElement("article");
  tile.className = "wb-queue" + (q.waiting > 0 && q.agentsAvailable === 0 ? " alarm" : q.waiting > 0 ? " busy" : "");
  tile.dataset.queue = q.queue;
  const h = document.createElement("h2"); h.textContent = queueName(q.queue);
  const main = document.createElement("div"); main.className = "wb-main";
  main.append(figure("waiting", q.waiting, "wallboard.waiting"), figure("longestWait", duration(q.longestWaitSeconds), "wallboard.longestWait"),
    figure("agentsAvailable", q.agentsAvailable, "wallboard.available"), figure("agentsOnCall", q.agentsOnCall, "wallboard.onCall"));
  const small = document.createElement("div"); small.className = "wb-small";
  const level = q.serviceLevelPercent;
  small.append(figure("serviceLevel", level === null ? "–" : `${level.toFixed(0)}%`, "wallboard.sl", slClass(level)),
    figure("answered", q.answeredToday, "wallboard.answered"), figure("abandoned", q.abandonedToday, "wallboard.abandoned"));
  tile.append(h, main, small);
  return tile;
}

function render(view) {
  for (const [key, value] of Object.entries(view.calls)) {
    const total = document.querySelector(`[data-total='${key}'] .wb-number`);
    if (total) total.textContent = value;
  }
  document.getElementById("queues").replaceChildren(...view.queues.map(queueTile));
  document.getElementById("states").replaceChildren(...states.map(state => {
    const box = figure(state, view.agentsByState[state] ?? 0, "wallboard.state." + state);
    box.className = "wb-state st-" + state; box.dataset.state = state;
    return box;
  }));
  document.getElementById("agents").replaceChildren(...view.agents.map(a => {
    const tile = document.createElement("div"); tile.className = "wb-agent st-" + a.state; tile.dataset.agent = a.extension; tile.dataset.state = a.state;
    const ext = document.createElement("strong"); ext.textContent = a.extension;
    const state = document.createElement("span"); state.textContent = t("wallboard.state." + a.state) + (a.breakReason ? ` (${a.breakReason})` : "");
    tile.append(ext, state);
    return tile;
  }));
  document.getElementById("clock").textContent = new Date(view.at).toLocaleTimeString();
}

async function refresh() {
  try {
    const response = await api("/api/wallboard");
    if (!response.ok) throw new Error(String(response.status));
    last = await response.json();
    render(last);
    document.getElementById("stale").hidden = true;
  } catch {
    document.getElementById("stale").hidden = false;
  } finally {
    setTimeout(refresh, refreshMs);
  }
}

document.getElementById("fullscreen").addEventListener("click", () => document.documentElement.requestFullscreen?.());
document.addEventListener("languagechange", () => { translatePage(); if (last) render(last); });
await refresh();
