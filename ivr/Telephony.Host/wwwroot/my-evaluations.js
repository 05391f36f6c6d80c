// The agent's own evaluations: score, each criterion's answer, the call's recording; acknowledge or dispute.
import { frame, api, t, translatePage } from "/assets/app.js";

await frame();
const list = document.getElementById("evaluations");
const percent = score => score === null || score === undefined ? "—" : `${Math.round(score * 100)}%`;

function answerText(answer) {
  if (!answer) return "";
  if (answer.kind === "scale") return `${answer.value} / 5`;
  return t({ yes: "qa.answerYes", no: "qa.answerNo", na: "qa.answerNa" }[answer.kind] ?? answer.kind);
}

function card(e) {
  const box = document.createElement("article"); box.className = "card"; box.dataset.evaluation = e.id;
  const head = document.createElement("h2");
  const when = e.recording ? new Date(e.recording.startedAt).toLocaleString() : "";
  head.textContent = `${when} · ${e.recording?.queue ?? ""}`;
  const facts = document.createElement("p");
  const score = document.createElement("strong"); score.className = "score"; score.textContent = percent(e.score);
  const status = document.createElement("span"); status.className = "status"; status.textContent = t("evaluation." + e.status);
  facts.append(t("qa.score") + ": ", score, " · " + t("qa.status") + ": ", status, ` · ${t("my.evaluator")}: ${e.evaluator}`);
  box.append(head, facts);
  if (e.recording) {
    const audio = document.createElement("audio"); audio.controls = true; audio.preload = "none"; audio.style.width = "100%";
    audio.src = `/api/recordings/${e.recordingId}/audio`;
    box.append(audio);
  }
  const table = document.createElement("table");
  for (const section of e.scorecard?.sections ?? []) for (const c of section.criteria) {
    const tr = document.createElement("tr");
    const text = document.createElement("td"); text.textContent = c.text + (c.critical ? ` (${t("qa.critical")})` : "");
    const answer = document.createElement("td"); answer.textContent = answerText(e.answers[c.id]);
    tr.append(text, answer); table.append(tr);
  }
  box.append(table);
  if (e.status === "submitted") {
    const actions = document.createElement("div"); actions.className = "toolbar";
    const ack = document.createElement("button"); ack.type = "button"; ack.className = "acknowledge"; ack.textContent = t("my.acknowledge");
    ack.addEventListener("click", () => act(e.id, "acknowledge", {}));
    const reason = document.createElement("input"); reason.className = "reason"; reason.placeholder = t("my.reason");
    const dispute = document.createElement("button"); dispute.type = "button"; dispute.className = "secondary dispute"; dispute.textContent = t("my.dispute");
    dispute.addEventListener("click", () => reason.value.trim() && act(e.id, "dispute", { reason: reason.value.trim() }));
    actions.append(ack, reason, dispute);
    box.append(actions);
  } else if (e.disputeReason) {
    const why = document.createElement("p"); why.textContent = `${t("my.reason")}: ${e.disputeReason}`; box.append(why);
  }
  return box;
}

async function act(id, action, payload) {
  await api(`/api/my/evaluations/${id}/${action}`, { method: "POST", body: JSON.stringify(payload) });
  await load();
}

async function load() {
  const evaluations = await (await api("/api/my/evaluations")).json();
  document.getElementById("empty").hidden = evaluations.length > 0;
  list.replaceChildren(...evaluations.map(card));
}

document.addEventListener("languagechange", () => { translatePage(); load(); });
await load();
