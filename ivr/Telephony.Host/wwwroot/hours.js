// Weekly opening hours (a schedule inside a menu tree's draft) and holiday calendars (documents of their own).
import { frame, api, t } from "/assets/app.js";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const LANGUAGES = ["az", "ru", "en"];
function el(tag, props = {}) { return Object.assign(document.createElement(tag), props); }
function appendAll(node, children) { for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c); return node; }
const hhmm = time => (time ?? "00:00:00").slice(0, 5);
const hhmmss = time => (time.length === 5 ? time + ":00" : time);

let tree = null, scheduleId = null, calendar = null;

await frame();
const treeIds = await (await api("/api/ivr/trees")).json();
document.getElementById("treeId").replaceChildren(...treeIds.map(id => el("option", { value: id, textContent: id })));
document.getElementById("treeId").addEventListener("change", e => loadTree(e.target.value));
if (treeIds.length) await loadTree(treeIds.includes("edu-hotline") ? "edu-hotline" : treeIds[0]);
const calendarIds = await (await api("/api/ivr/holidays")).json();
document.getElementById("calendarId").replaceChildren(...calendarIds.map(id => el("option", { value: id, textContent: id })));
document.getElementById("calendarId").addEventListener("change", e => loadCalendar(e.target.value));
if (calendarIds.length) await loadCalendar(calendarIds[0]);

async function loadTree(id) {
  tree = await (await api(`/api/ivr/trees/${encodeURIComponent(id)}/draft`)).json();
  const ids = Object.keys(tree.schedules ?? {});
  const select = document.getElementById("scheduleId");
  select.replaceChildren(...ids.map(s => el("option", { value: s, textContent: s })));
  select.onchange = () => showSchedule(select.value);
  if (ids.length) showSchedule(ids[0]);
}

function showSchedule(id) {
  scheduleId = id;
  const schedule = tree.schedules[id];
  document.getElementById("timeZone").value = schedule.timeZone;
  document.getElementById("scheduleCalendars").value = (schedule.holidayCalendars ?? []).join(", ");
  renderWeekly();
}

function renderWeekly() {
  const schedule = tree.schedules[scheduleId];
  document.querySelector("#weekly tbody").replaceChildren(...schedule.weekly.map((entry, index) => {
    const days = appendAll(el("div", { className: "toolbar" }), DAYS.map(day => {
      const box = el("input", { type: "checkbox", checked: entry.days.includes(day) });
      box.dataset.day = day;
      box.addEventListener("change", () => { entry.days = DAYS.filter(d => d === day ? box.checked : entry.days.includes(d)); });
      return appendAll(el("label", {}), [box, " " + t("day." + day)]);
    }));
    const open = el("input", { type: "time", value: hhmm(entry.open), className: "open" });
    open.addEventListener("change", () => { entry.open = hhmmss(open.value); });
    const close = el("input", { type: "time", value: hhmm(entry.close), className: "close" });
    close.addEventListener("change", () => { entry.close = hhmmss(close.value); });
    const remove = el("button", { type: "button", className: "secondary", textContent: t("hours.remove") });
    remove.addEventListener("click", () => { schedule.weekly.splice(index, 1); renderWeekly(); });
    return appendAll(el("tr"), [days, open, close, remove].map(c => appendAll(el("td"), [c])));
  }));
}

document.getElementById("addHours").addEventListener("click", () => {
  tree.schedules[scheduleId].weekly.push({ days: ["saturday"], open: "10:00:00", close: "14:00:00" });
  renderWeekly();
});

document.getElementById("saveSchedule").addEventListener("click", async () => {
  const schedule = tree.schedules[scheduleId];
  schedule.timeZone = document.getElementById("timeZone").value.trim();
  schedule.holidayCalendars = document.getElementById("scheduleCalendars").value.split(",").map(s => s.trim()).filter(Boolean);
  const response = await api(`/api/ivr/trees/${encodeURIComponent(tree.id)}/draft`, { method: "PUT", body: JSON.stringify(tree) });
  const status = document.getElementById("scheduleStatus");
  const faults = document.getElementById("scheduleFaults");
  if (response.ok) {
    status.textContent = t("hours.saved"); status.className = "ok"; faults.replaceChildren();
    return;
  }
  const problem = await response.json();
  status.textContent = problem.detail ?? problem.title; status.className = "error";
  faults.replaceChildren(...(problem.faults ?? []).map(f => el("li", { className: "fault", textContent: `${f.kind}: ${f.message}` })));
});

async function loadCalendar(id) {
  calendar = await (await api(`/api/ivr/holidays/${encodeURIComponent(id)}`)).json();
  renderHolidays();
}

function renderHolidays() {
  document.querySelector("#holidays tbody").replaceChildren(...calendar.holidays.map((holiday, index) => {
    const from = el("input", { type: "date", value: holiday.from, className: "from" });
    from.addEventListener("change", () => { holiday.from = from.value; });
    const to = el("input", { type: "date", value: holiday.to ?? "", className: "to" });
    to.addEventListener("change", () => { if (to.value) holiday.to = to.value; else delete holiday.to; });
    const names = LANGUAGES.map(lang => {
      const name = el("input", { value: holiday.name[lang] ?? "", className: "name-" + lang });
      name.addEventListener("input", () => { holiday.name[lang] = name.value; });
      return name;
    });
    const provisional = el("input", { type: "checkbox", checked: !!holiday.provisional });
    provisional.addEventListener("change", () => { holiday.provisional = provisional.checked; });
    const remove = el("button", { type: "button", className: "secondary", textContent: t("hours.remove") });
    remove.addEventListener("click", () => { calendar.holidays.splice(index, 1); renderHolidays(); });
    return appendAll(el("tr"), [from, to, ...names, provisional, remove].map(c => appendAll(el("td"), [c])));
  }));
}

document.getElementById("addHoliday").addEventListener("click", () => {
  calendar.holidays.push({ from: new Date().toISOString().slice(0, 10), name: { az: "", ru: "", en: "" } });
  renderHolidays();
});

document.getElementById("saveCalendar").addEventListener("click", async () => {
  const response = await api(`/api/ivr/holidays/${encodeURIComponent(calendar.id)}`, { method: "PUT", body: JSON.stringify(calendar) });
  const status = document.getElementById("calendarStatus");
  if (response.ok) { status.textContent = t("hours.savedCalendar"); status.className = "ok"; return; }
  const problem = await response.json();
  status.textContent = problem.detail ?? problem.title; status.className = "error";
});

document.addEventListener("languagechange", () => { if (tree && scheduleId) renderWeekly(); if (calendar) renderHolidays(); });
