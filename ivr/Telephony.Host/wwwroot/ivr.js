// The voice menu editor: the draft is edited in the browser, validated by the server on every change, and saved and
// published together; the version history offers a diff and rollback.
import { frame, api, t } from "/assets/app.js";

const LINK_FIELDS = ["next", "open", "closed", "holiday", "overflow", "afterAgent", "onFailure", "target", "operatorTarget", "backTarget", "onRetriesExhausted"];
const NEW_NODE_KINDS = ["playMessage", "menu", "hangup", "goTo", "queue"];
function el(tag, props = {}) { return Object.assign(document.createElement(tag), props); }
function appendAll(node, children) { for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c); return node; }
function picker(id, ids, value, empty) {
  const select = appendAll(el("select", id ? { id } : {}), [empty ? el("option", { value: "", textContent: empty }) : null, ...ids.map(n => el("option", { value: n, textContent: n }))]);
  select.value = value ?? "";
  return select;
}

let tree = null;          // the working copy (MenuTree JSON)
let treeId = null;
let selected = null;      // id of the node being edited
let faults = [];          // from the last validation
let validateTimer = null;
let validation = 0;

await frame();
await loadTreeIds();

async function loadTreeIds() {
  const ids = await (await api("/api/ivr/trees")).json();
  const select = document.getElementById("treeId");
  select.replaceChildren(...ids.map(id => el("option", { value: id, textContent: id })));
  select.addEventListener("change", () => loadTree(select.value));
  if (ids.length) await loadTree(ids.includes("edu-hotline") ? "edu-hotline" : ids[0]);
}

async function loadTree(id) {
  treeId = id;
  document.getElementById("treeId").value = id;
  tree = await (await api(`/api/ivr/trees/${encodeURIComponent(id)}/draft`)).json();
  if (!tree.nodes[selected]) selected = null;
  faults = [];
  render();
  await Promise.all([validateNow(), loadVersions()]);
}

function changed() {
  render();
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validateNow, 250);
}

async function validateNow() {
  const mine = ++validation;
  const response = await api("/api/ivr/validate", { method: "POST", body: JSON.stringify(tree) });
  const body = await response.json();
  if (mine !== validation) return;
  faults = response.ok ? body.faults : [{ kind: "InvalidDocument", nodeId: null, language: null, message: body.detail }];
  renderFaults();
}

// ---- tree view ----------------------------------------------------------------------------------------------------

function links(node) {
  const result = [];
  if (node.kind === "menu") for (const key of Object.keys(node.options ?? {}).sort()) result.push({ via: key, target: node.options[key] });
  for (const field of LINK_FIELDS) if (typeof node[field] === "string") result.push({ via: field, target: node[field] });
  return result;
}

function render() {
  renderTree();
  renderEditor();
  renderFaults();
}

function renderTree() {
  const seen = new Set();
  const branch = (id, via) => {
    const node = tree.nodes[id];
    const li = el("li", {});
    li.dataset.node = id;
    if (via) li.append(el("span", { className: "via", textContent: via + " →" }));
    const label = el("span", { className: "label" + (id === selected ? " selected" : ""), textContent: id });
    label.dataset.select = id;
    label.addEventListener("click", () => { selected = id; render(); });
    li.append(label);
    if (!node) { li.append(el("span", { className: "kind", textContent: " (?)" })); return li; }
    li.append(el("span", { className: "kind", textContent: ` ${node.kind}${node.title ? " · " + node.title : ""}${id === tree.start ? " · " + t("ivr.startNode") : ""}` }));
    if (seen.has(id)) { li.append(el("span", { className: "kind", textContent: " ↑ " + t("ivr.seeAbove") }), el("ul", { className: "faults" })); return li; }
    li.append(el("ul", { className: "faults" }));
    seen.add(id);
    const children = links(node);
    if (children.length) li.append(appendAll(el("ul", {}), children.map(c => branch(c.target, c.via))));
    return li;
  };
  document.getElementById("tree").replaceChildren(branch(tree.start, null));
  const rest = Object.keys(tree.nodes).filter(id => !seen.has(id)).sort();
  document.getElementById("unreachable").replaceChildren(...rest.map(id => branch(id, null)));
  document.getElementById("unreachableTitle").hidden = rest.length === 0;
}

function renderFaults() {
  for (const list of document.querySelectorAll("#tree ul.faults, #unreachable ul.faults")) list.replaceChildren();
  for (const li of document.querySelectorAll("#tree li, #unreachable li")) li.classList.remove("has-fault");
  for (const fault of faults) {
    if (!fault.nodeId) continue;
    for (const li of document.querySelectorAll(`li[data-node="${CSS.escape(fault.nodeId)}"]`)) {
      li.classList.add("has-fault");
      li.querySelector(":scope > ul.faults").append(faultItem(fault));
    }
  }
  const treeLevel = faults.filter(f => !f.nodeId);
  document.getElementById("treeFaults").replaceChildren(...(faults.length === 0
    ? [el("li", { className: "ok", textContent: t("ivr.valid") })]
    : treeLevel.map(faultItem)));
  const nodeFaults = document.getElementById("nodeFaults");
  if (nodeFaults) nodeFaults.replaceChildren(...faults.filter(f => f.nodeId === selected).map(faultItem));
}

function faultItem(fault) {
  const li = el("li", { className: "fault", textContent: `${fault.kind}${fault.language ? " [" + fault.language + "]" : ""}: ${fault.message}` });
  li.dataset.kind = fault.kind;
  if (fault.language) li.dataset.language = fault.language;
  return li;
}

// ---- node editor --------------------------------------------------------------------------------------------------

function renderEditor() {
  const editor = document.getElementById("editor");
  const node = tree.nodes[selected];
  if (!node) { editor.replaceChildren(el("p", { textContent: t("ivr.selectNode") })); return; }
  editor.replaceChildren(...[
    el("h2", { id: "nodeTitle", textContent: `${selected} · ${node.kind}` }),
    el("ul", { id: "nodeFaults", className: "faults" }),
    field("title", t("ivr.titleField"), node.title ?? "", value => { if (value) node.title = value; else delete node.title; }),
    el("h3", { textContent: t("ivr.prompts") }),
    ...tree.languages.map(lang => promptEditor(node, lang)),
    optionsEditor(node),
    el("h3", { textContent: t("ivr.fields") }),
    settings(node),
  ].filter(part => part !== null));
  const remove = el("button", { type: "button", className: "secondary", id: "nodeRemove", textContent: t("ivr.removeNode") });
  remove.addEventListener("click", () => removeNode(selected));
  editor.append(remove);
}

function field(name, caption, value, apply) {
  const id = "field-" + name;
  const input = el("input", { id, value });
  input.addEventListener("input", () => { apply(input.value); changed(); });
  return appendAll(el("div", {}), [el("label", { htmlFor: id, textContent: caption }), input]);
}

function promptEditor(node, lang) {
  node.prompt ??= {};
  const content = node.prompt[lang] ?? {};
  const text = el("textarea", { id: "prompt-" + lang, rows: 2, value: content.text ?? "" });
  text.addEventListener("input", () => {
    const current = { ...(node.prompt[lang] ?? {}), text: text.value };
    if (!current.text) delete current.text;
    if (current.text || current.audio) node.prompt[lang] = current; else delete node.prompt[lang];
    changed();
  });
  const play = el("button", { type: "button", className: "secondary", id: "play-" + lang, textContent: "▶ " + t("ivr.play") });
  play.addEventListener("click", () => playPrompt(lang));
  const upload = el("input", { type: "file", id: "upload-" + lang, accept: ".wav,.mp3,audio/wav,audio/mpeg" });
  upload.addEventListener("change", () => uploadPrompt(node, lang, upload));
  const recording = el("span", { id: "audio-" + lang, className: "kind", textContent: content.audio ? t("ivr.recording") + ": " + content.audio : "" });
  const row = appendAll(el("div", { className: "row" }), [play, el("label", { htmlFor: "upload-" + lang, textContent: t("ivr.upload") }), upload, recording]);
  if (content.audio) {
    const clear = el("button", { type: "button", className: "secondary", id: "clearAudio-" + lang, textContent: t("ivr.clearRecording") });
    clear.addEventListener("click", () => {
      delete node.prompt[lang].audio;
      if (!node.prompt[lang].text) delete node.prompt[lang];
      changed();
    });
    row.append(clear);
  }
  return appendAll(el("div", { className: "prompt" }), [el("label", { htmlFor: "prompt-" + lang, textContent: lang }), text, row]);
}

async function playPrompt(lang) {
  const content = tree.nodes[selected].prompt?.[lang] ?? {};
  const query = new URLSearchParams();
  if (content.audio) query.set("audio", content.audio);
  if (content.text) query.set("text", content.text);
  const player = document.getElementById("player");
  player.hidden = false;
  player.src = `/api/ivr/prompts/${encodeURIComponent(treeId)}/${encodeURIComponent(selected)}/${lang}/audio?${query}`;
  try { await player.play(); } catch { /* a browser without sound still shows the controls */ }
}

async function uploadPrompt(node, lang, input) {
  const file = input.files[0];
  if (!file) return;
  const response = await api(`/api/ivr/prompts/${encodeURIComponent(treeId)}/${encodeURIComponent(selected)}/${lang}?name=${encodeURIComponent(file.name)}`,
    { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
  const body = await response.json();
  if (!response.ok) { status(body.detail, true); return; }
  node.prompt[lang] = { ...(node.prompt[lang] ?? {}), audio: body.audio };
  changed();
}

function optionsEditor(node) {
  if (node.kind !== "menu") return null;
  const targets = () => Object.keys(tree.nodes).sort();
  const rows = Object.keys(node.options).sort().map(key => {
    const keyInput = el("input", { value: key, size: 2, className: "optionKey" });
    keyInput.addEventListener("change", () => {
      const next = keyInput.value.trim();
      if (next === key) return;
      if (node.options[next] !== undefined) { keyInput.classList.add("invalid"); return; }
      node.options[next] = node.options[key];
      delete node.options[key];
      changed();
    });
    const target = picker(null, targets(), node.options[key]);
    target.className = "optionTarget";
    target.addEventListener("change", () => { node.options[key] = target.value; changed(); });
    const remove = el("button", { type: "button", className: "secondary", textContent: t("ivr.removeOption") });
    remove.addEventListener("click", () => { delete node.options[key]; changed(); });
    const tr = appendAll(el("tr", {}), [appendAll(el("td"), [keyInput]), appendAll(el("td"), [target]), appendAll(el("td"), [remove])]);
    tr.dataset.option = key;
    return tr;
  });
  const key = el("input", { id: "optionKey", size: 2, maxLength: 1 });
  const target = picker("optionTarget", targets(), "", t("ivr.newNode"));
  const newId = el("input", { id: "optionNewId", placeholder: t("ivr.newNodeId"), size: 14 });
  const kind = appendAll(el("select", { id: "optionNewKind" }), NEW_NODE_KINDS.map(k => el("option", { value: k, textContent: k })));
  const add = el("button", { type: "button", id: "optionAdd", textContent: t("ivr.addOption") });
  add.addEventListener("click", () => addOption(node, key, target.value, newId, kind.value));
  const head = appendAll(el("tr"), [el("th", { textContent: t("ivr.key") }), el("th", { textContent: t("ivr.target") }), el("th")]);
  return appendAll(el("div", {}), [
    el("h3", { textContent: t("ivr.options") }),
    appendAll(el("table", { id: "options" }), [appendAll(el("thead"), [head]), appendAll(el("tbody"), rows)]),
    appendAll(el("div", { className: "toolbar" }), [key, target, newId, kind, add]),
  ]);
}

function addOption(menu, keyInput, existing, newIdInput, kind) {
  const key = keyInput.value.trim();
  if (!key || menu.options[key] !== undefined) { keyInput.classList.add("invalid"); status(t("ivr.keyTaken"), true); return; }
  let target = existing;
  if (!target) {
    target = newIdInput.value.trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(target) || tree.nodes[target]) { newIdInput.classList.add("invalid"); status(t("ivr.idTaken"), true); return; }
    tree.nodes[target] = newNode(kind, selected);
  }
  menu.options[key] = target;
  status("");
  selected = target;
  changed();
}

function newNode(kind, parent) {
  switch (kind) {
    case "playMessage": return { kind, prompt: {}, next: parent };
    case "menu": return { kind, prompt: {}, options: {}, backTarget: parent };
    case "goTo": return { kind, target: parent };
    case "queue": return { kind, prompt: {}, queue: "", skills: [] };
    default: return { kind, prompt: {} };
  }
}

function removeNode(id) {
  if (id === tree.start) { status(t("ivr.cannotRemoveStart"), true); return; }
  delete tree.nodes[id];
  for (const node of Object.values(tree.nodes)) {
    if (node.kind === "menu") for (const [key, target] of Object.entries(node.options)) if (target === id) delete node.options[key];
  }
  selected = null;
  changed();
}

/// Every other field of the node: text, numbers and switches as inputs, links as node pickers, the rest as JSON.
function settings(node) {
  const skip = new Set(node.kind === "menu" ? ["kind", "title", "prompt", "options"] : ["kind", "title", "prompt"]);
  const items = [];
  for (const [name, value] of Object.entries(node)) {
    if (skip.has(name)) continue;
    const id = "setting-" + name;
    let input;
    if (LINK_FIELDS.includes(name)) {
      input = picker(id, Object.keys(tree.nodes).sort(), value, "—");
      input.addEventListener("change", () => { if (input.value) node[name] = input.value; else delete node[name]; changed(); });
    } else if (typeof value === "boolean") {
      input = el("input", { id, type: "checkbox", checked: value });
      input.addEventListener("change", () => { node[name] = input.checked; changed(); });
    } else if (typeof value === "number") {
      input = el("input", { id, type: "number", value });
      input.addEventListener("input", () => { node[name] = Number(input.value); changed(); });
    } else if (typeof value === "string") {
      input = el("input", { id, value });
      input.addEventListener("input", () => { node[name] = input.value; changed(); });
    } else {
      input = el("textarea", { id, className: "json", rows: 3, value: JSON.stringify(value, null, 1) });
      input.addEventListener("input", () => {
        try { node[name] = JSON.parse(input.value); input.classList.remove("invalid"); changed(); }
        catch { input.classList.add("invalid"); }
      });
    }
    items.push(appendAll(el("div"), [el("label", { htmlFor: id, textContent: name }), input]));
  }
  return appendAll(el("div", { className: "grid2" }), items);
}

// ---- publish, versions, diff, rollback ----------------------------------------------------------------------------

function status(text, bad = false) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = bad ? "error" : "ok";
}

document.getElementById("discard").addEventListener("click", () => loadTree(treeId));
document.getElementById("publish").addEventListener("click", async () => {
  status(t("ivr.saving"));
  const saved = await api(`/api/ivr/trees/${encodeURIComponent(treeId)}/draft`, { method: "PUT", body: JSON.stringify(tree) });
  if (!saved.ok) return refused(saved);
  const published = await api(`/api/ivr/trees/${encodeURIComponent(treeId)}/publish`, { method: "POST" });
  if (!published.ok) return refused(published);
  const { version } = await published.json();
  status(t("ivr.published").replace("{v}", version));
  await loadVersions();
});

async function refused(response) {
  const problem = await response.json();
  if (problem.faults) { faults = problem.faults; renderFaults(); }
  status(problem.detail ?? problem.title, true);
}

async function loadVersions() {
  const versions = await (await api(`/api/ivr/trees/${encodeURIComponent(treeId)}/versions`)).json();
  const current = versions.find(v => v.inForce);
  document.getElementById("inForce").textContent = current ? `${t("ivr.inForce")} ${current.version}` : t("ivr.noneInForce");
  document.getElementById("inForce").dataset.version = current?.version ?? "";
  document.querySelector("#versions tbody").replaceChildren(...versions.map(v => {
    const tr = el("tr");
    tr.dataset.version = v.version;
    const note = (v.inForce ? t("ivr.current") : "") + (v.rolledBackFrom ? ` (${t("ivr.rolledBackFrom")} ${v.rolledBackFrom})` : "");
    appendAll(tr, [v.version, v.publishedBy, new Date(v.publishedAt).toLocaleString(), note].map(text => el("td", { textContent: text })));
    const cell = el("td");
    if (!v.inForce) {
      const rollback = el("button", { type: "button", className: "secondary", textContent: t("ivr.rollback") });
      rollback.dataset.rollback = v.version;
      rollback.addEventListener("click", () => rollbackTo(v.version));
      cell.append(rollback);
    }
    tr.append(cell);
    return tr;
  }));
  for (const [id, pick] of [["diffFrom", versions[1] ?? versions[0]], ["diffTo", versions[0]]]) {
    const select = document.getElementById(id);
    select.replaceChildren(...versions.map(v => el("option", { value: v.version, textContent: v.version })));
    if (pick) select.value = pick.version;
  }
}

async function rollbackTo(version) {
  if (!confirm(t("ivr.rollbackConfirm").replace("{v}", version))) return;
  const response = await api(`/api/ivr/trees/${encodeURIComponent(treeId)}/rollback`, { method: "POST", body: JSON.stringify({ version }) });
  if (!response.ok) return refused(response);
  const body = await response.json();
  await loadTree(treeId);
  status(t("ivr.rolledBack").replace("{v}", body.version).replace("{from}", version));
}

document.getElementById("diffShow").addEventListener("click", async () => {
  const from = document.getElementById("diffFrom").value, to = document.getElementById("diffTo").value;
  const diff = await (await api(`/api/ivr/trees/${encodeURIComponent(treeId)}/diff?from=${from}&to=${to}`)).json();
  const out = document.getElementById("diff");
  out.className = "diff";
  const section = (key, items) => items.length ? [el("h4", { textContent: t(key) }), appendAll(el("ul"), items)] : [];
  const fieldItems = fields => fields.map(f => appendAll(el("li"), [el("strong", { textContent: f.field + ": " }), el("code", { textContent: `${f.before ?? "—"} → ${f.after ?? "—"}` })]));
  const parts = [
    ...section("ivr.added", diff.addedNodes.map(id => el("li", { textContent: id }))),
    ...section("ivr.removed", diff.removedNodes.map(id => el("li", { textContent: id }))),
    ...section("ivr.changed", diff.changedNodes.map(n => appendAll(el("li", { textContent: n.nodeId }), [appendAll(el("ul"), fieldItems(n.fields))]))),
    ...section("ivr.settings", fieldItems(diff.settings)),
  ];
  out.replaceChildren(...(parts.length ? parts : [el("p", { textContent: t("ivr.noDiff") })]));
});

document.addEventListener("languagechange", () => { if (tree) { render(); loadVersions(); } });
