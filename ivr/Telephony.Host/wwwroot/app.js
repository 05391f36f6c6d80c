// The frame every signed-in page shares: the header with the sections of the user's role, language and sign-out.
import { t, translatePage, languagePicker } from "/assets/i18n.js";

export const sections = [
  { href: "/admin/audit", key: "nav.audit", roles: ["admin"] },
  { href: "/admin/ivr", key: "nav.ivr", roles: ["admin"] },
  { href: "/admin/hours", key: "nav.hours", roles: ["admin"] },
  { href: "/reports", key: "nav.reports", roles: ["supervisor", "admin"] },
  { href: "/agent", key: "nav.agent", roles: ["agent"] },
  { href: "/supervisor", key: "nav.supervisor", roles: ["supervisor", "admin"] },
  { href: "/qa", key: "nav.qa", roles: ["qa", "supervisor", "admin"] },
  { href: "/my/evaluations", key: "nav.myEvaluations", roles: ["agent"] },
  { href: "/wallboard", key: "nav.wallboard", roles: ["supervisor", "admin"] },
];

export async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", headers: { "Content-Type": "application/json" }, ...options });
  if (response.status === 401) { location.href = "/login?returnUrl=" + encodeURIComponent(location.pathname); throw new Error("signed out"); }
  return response;
}

export async function frame() {
  const me = await (await api("/api/me")).json();
  const header = document.createElement("header");
  header.className = "bar";
  const brand = document.createElement("span"); brand.className = "brand"; brand.dataset.i18n = "app.title";
  const nav = document.createElement("nav");
  const home = document.createElement("a"); home.href = "/"; home.dataset.i18n = "nav.home"; nav.append(home);
  for (const s of sections.filter(s => s.roles.includes(me.role))) {
    const a = document.createElement("a"); a.href = s.href; a.dataset.i18n = s.key; nav.append(a);
  }
  const who = document.createElement("span"); who.className = "who"; who.id = "who"; who.textContent = `${me.displayName} (${me.username})`;
  const out = document.createElement("button"); out.type = "button"; out.className = "secondary"; out.id = "signout"; out.dataset.i18n = "nav.signout";
  out.addEventListener("click", async () => { await api("/api/session", { method: "DELETE" }); location.href = "/login"; });
  header.append(brand, nav, languagePicker(), who, out);
  document.body.prepend(header);
  translatePage();
  return me;
}

export { t, translatePage };
