// UI text in the three languages of the hotline. Elements carry data-i18n="key"; the choice is kept per browser.
export const texts = {
  en: {
    "app.title": "Hotline", "lang.name": "English",
    "login.title": "Sign in", "login.username": "Username", "login.password": "Password", "login.submit": "Sign in",
    "login.failed": "Wrong username or password.", "login.locked": "Too many failed attempts. Try again in a few minutes.",
    "nav.home": "Home", "nav.audit": "Audit log", "nav.signout": "Sign out",
    "home.title": "Welcome", "home.role": "Role", "home.sections": "Your sections",
    "role.admin": "Administrator", "role.supervisor": "Supervisor", "role.qa": "Quality assurance", "role.agent": "Agent",
    "audit.title": "Audit log", "audit.at": "When", "audit.actor": "Who", "audit.action": "Action", "audit.subject": "Subject",
    "audit.detail": "Detail", "audit.source": "From", "audit.filter": "Action", "audit.all": "all",
    "denied.title": "Access denied", "denied.text": "Your account may not open this page.",
  },
  ru: {
    "app.title": "Горячая линия", "lang.name": "Русский",
    "login.title": "Вход", "login.username": "Имя пользователя", "login.password": "Пароль", "login.submit": "Войти",
    "login.failed": "Неверное имя пользователя или пароль.", "login.locked": "Слишком много неудачных попыток. Повторите через несколько минут.",
    "nav.home": "Главная", "nav.audit": "Журнал аудита", "nav.signout": "Выйти",
    "home.title": "Добро пожаловать", "home.role": "Роль", "home.sections": "Ваши разделы",
    "role.admin": "Администратор", "role.supervisor": "Супервизор", "role.qa": "Контроль качества", "role.agent": "Оператор",
    "audit.title": "Журнал аудита", "audit.at": "Когда", "audit.actor": "Кто", "audit.action": "Действие", "audit.subject": "Объект",
    "audit.detail": "Подробности", "audit.source": "Откуда", "audit.filter": "Действие", "audit.all": "все",
    "denied.title": "Доступ запрещён", "denied.text": "Вашей учётной записи эта страница недоступна.",
  },
  az: {
    "app.title": "Qaynar xətt", "lang.name": "Azərbaycanca",
    "login.title": "Daxil olun", "login.username": "İstifadəçi adı", "login.password": "Şifrə", "login.submit": "Daxil ol",
    "login.failed": "İstifadəçi adı və ya şifrə yanlışdır.", "login.locked": "Çoxlu uğursuz cəhd. Bir neçə dəqiqədən sonra yenidən cəhd edin.",
    "nav.home": "Əsas səhifə", "nav.audit": "Audit jurnalı", "nav.signout": "Çıxış",
    "home.title": "Xoş gəlmisiniz", "home.role": "Rol", "home.sections": "Bölmələriniz",
    "role.admin": "Administrator", "role.supervisor": "Supervayzer", "role.qa": "Keyfiyyətə nəzarət", "role.agent": "Operator",
    "audit.title": "Audit jurnalı", "audit.at": "Nə vaxt", "audit.actor": "Kim", "audit.action": "Əməliyyat", "audit.subject": "Obyekt",
    "audit.detail": "Təfərrüat", "audit.source": "Haradan", "audit.filter": "Əməliyyat", "audit.all": "hamısı",
    "denied.title": "Giriş qadağandır", "denied.text": "Hesabınız bu səhifəni aça bilməz.",
  },
};

export function currentLanguage() {
  const fromQuery = new URLSearchParams(location.search).get("lang");
  if (fromQuery && texts[fromQuery]) localStorage.setItem("lang", fromQuery);
  const chosen = fromQuery || localStorage.getItem("lang") || (navigator.language || "en").slice(0, 2);
  return texts[chosen] ? chosen : "en";
}

export function t(key) {
  return texts[currentLanguage()][key] ?? texts.en[key] ?? key;
}

export function translatePage() {
  document.documentElement.lang = currentLanguage();
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
}

export function setLanguage(lang) {
  localStorage.setItem("lang", lang);
  translatePage();
  document.dispatchEvent(new CustomEvent("languagechange"));
}

export function languagePicker() {
  const box = document.createElement("div");
  box.className = "lang";
  for (const lang of ["az", "ru", "en"]) {
    const b = document.createElement("button");
    b.type = "button"; b.className = "secondary"; b.textContent = lang; b.dataset.lang = lang;
    b.addEventListener("click", () => setLanguage(lang));
    box.append(b);
  }
  return box;
}
