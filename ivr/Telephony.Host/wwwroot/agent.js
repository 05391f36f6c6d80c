// The agent desktop: status buttons, the live state, the offered call's card and the wrap-up form.
// The server pushes the desk over server-sent events on every change; durations tick locally from the server's clock.
import { frame, api, t, translatePage } from "/assets/app.js";

const me = await frame();
const $ = id => document.getElementById(id);
// A word the texts do not know (a reason typed elsewhere, a new topic) is shown as it is.
const label = (prefix, word) => { if (!word) return ""; const text = t(prefix + "." + word); return text === prefix + "." + word ? word : text; };
const breakReasons = ["lunch", "meeting", "training", "technical", "personal"];
const dispositions = await (await api("/api/agents/dispositions")).json();
const saved = new Set();
let desk = null;
let clockSkew = 0;

$("extension").textContent = me.extension ?? "";
const now = () => Date.now() + clockSkew;
const seconds = ms => Math.max(0, Math.round(ms / 1000));
const clock = s => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

function fillChoices() {
  const reason = $("break-reason").value;
  $("break-reason").replaceChildren(...breakReasons.map(r => new Option(label("break", r), r)));
  if (reason) $("break-reason").value = reason;
  const code = $("disposition").value;
  $("disposition").replaceChildren(new Option("—", ""), ...dispositions.map(d => new Option(t("disposition." + d), d)));
  $("disposition").value = code;
}

function wrapUpCall() {
  if (!desk) return null;
  if (desk.state === "wrapUp" && desk.call) return desk.call;
  // The wrap-up time may run out before the agent is done: the last answered call can still take its disposition.
  const last = desk.lastCall;
  return last && last.answeredAt && !saved.has(last.callId) && desk.state === "idle" ? last : null;
}

function render() {
  if (!desk) return;
  $("status").textContent = t("status." + desk.status);
  $("status").dataset.status = desk.status;
  $("break-shown").textContent = desk.status === "break" && desk.breakReason ? `(${label("break", desk.breakReason)})` : "";
  $("state").textContent = t("state." + desk.state);
  $("state").dataset.state = desk.state;
  const call = desk.call;
  $("call").hidden = !call;
  if (call) {
    $("call").dataset.callId = call.callId;
    $("call-caller").textContent = call.caller;
    $("call-language").textContent = label("language", call.language);
    $("call-topic").textContent = label("topic", call.topic);
    $("call-queue").textContent = call.queue;
    $("call-path").textContent = call.ivrPath.join(" → ");
    const history = call.history;
    $("history-none").hidden = history.length > 0;
    $("history").hidden = history.length === 0;
    $("history").tBodies[0].replaceChildren(...history.map(h => {
      const tr = document.createElement("tr");
      for (const value of [new Date(h.startedAt).toLocaleString(), label("topic", h.topic), h.agent ?? "",
        label("outcome", h.outcome), label("disposition", h.disposition)]) {
        const td = document.createElement("td"); td.textContent = value; tr.append(td);
      }
      return tr;
    }));
  }
  const wrap = wrapUpCall();
  const form = $("wrapup");
  if (wrap && form.dataset.callId !== wrap.callId) {
    form.reset(); $("wrapup-error").textContent = "";
    $("wrapup-topic").value = wrap.topic ?? "";
  }
  form.hidden = !wrap;
  form.dataset.callId = wrap ? wrap.callId : "";
  $("wrapup-caller").textContent = wrap ? wrap.caller : "";
  if (wrap) $("wrapup-saved").hidden = true;
  tick();
}

function tick() {
  if (!desk) return;
  $("since").textContent = clock(seconds(now() - Date.parse(desk.stateSince)));
  const call = desk.call;
  if (call) {
    const end = call.answeredAt ? Date.parse(call.answeredAt) : now();
    $("call-waited").textContent = clock(seconds(end - Date.parse(call.enqueuedAt)));
  }
}

async function setStatus(status) {
  $("error").textContent = "";
  const body = { status, reason: status === "break" ? $("break-reason").value : null };
  const response = await api(`/api/agents/${encodeURIComponent(me.extension)}/status`, { method: "PUT", body: JSON.stringify(body) });
  if (!response.ok) $("error").textContent = t(response.status === 409 ? "desk.notNow" : "desk.failed");
}

async function completeWrapUp(event) {
  event.preventDefault();
  const form = $("wrapup");
  const callId = form.dataset.callId;
  $("wrapup-error").textContent = "";
  if (!$("disposition").value) { $("wrapup-error").textContent = t("desk.chooseDisposition"); return; }
  const body = { callId, disposition: $("disposition").value, topic: $("wrapup-topic").value, notes: $("notes").value };
  $("complete").disabled = true;
  try {
    const response = await api(`/api/agents/${encodeURIComponent(me.extension)}/wrap-up`, { method: "POST", body: JSON.stringify(body) });
    if (!response.ok) { $("wrapup-error").textContent = t(response.status === 503 ? "desk.storeAway" : "desk.failed"); return; }
    saved.add(callId);
    form.hidden = true;
    form.dataset.callId = "";
    $("wrapup-saved").hidden = false;
  } finally {
    $("complete").disabled = false;
  }
}

function listen() {
  const events = new EventSource("/api/agents/me/events");
  events.addEventListener("desk", e => {
    desk = JSON.parse(e.data);
    clockSkew = Date.parse(desk.at) - Date.now();
    render();
  });
  events.onerror = async () => {
    // The browser reconnects by itself; a session that expired needs the login page instead.
    if (events.readyState === EventSource.CLOSED) { events.close(); await api("/api/me"); setTimeout(listen, 2000); }
  };
}

fillChoices();
$("available").addEventListener("click", () => setStatus("available"));
$("break").addEventListener("click", () => setStatus("break"));
$("logout").addEventListener("click", () => setStatus("loggedOut"));
$("wrapup").addEventListener("submit", completeWrapUp);
document.addEventListener("languagechange", () => { translatePage(); fillChoices(); render(); });
setInterval(tick, 1000);
listen();
