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
    "nav.reports": "Reports",
    "reports.title": "Statistics reports", "reports.kind": "Report", "reports.period": "Period (any day in it)",
    "reports.show": "Show figures", "reports.generate": "Generate and store", "reports.stored": "Stored reports",
    "reports.daily": "Daily", "reports.monthly": "Monthly", "reports.quarterly": "Quarterly", "reports.yearly": "Yearly",
    "reports.summary": "Summary", "reports.formula": "Service level = answered within target / (offered − short abandons)",
    "reports.key": "", "reports.offered": "Offered", "reports.answered": "Answered", "reports.abandoned": "Abandoned",
    "reports.shortAbandoned": "Short abandons", "reports.sl": "Service level %", "reports.asa": "ASA, s", "reports.aht": "AHT, s",
    "reports.longest": "Longest wait, s", "reports.callbacks": "Callbacks requested / made", "reports.survey": "Survey avg (n)",
    "reports.occupancy": "Occupancy %", "reports.ivrDropped": "Left the menu", "reports.downloads": "Downloads", "reports.generated": "Generated",
    "nav.ivr": "Voice menu", "nav.hours": "Hours and holidays",
    "ivr.title": "Voice menu", "ivr.treeId": "Menu", "ivr.tree": "Tree", "ivr.inForce": "In force: version", "ivr.noneInForce": "No version in force",
    "ivr.publish": "Publish", "ivr.reload": "Discard changes", "ivr.saving": "Publishing…", "ivr.published": "Version {v} is now in force.",
    "ivr.rolledBack": "Version {v} (a copy of version {from}) is now in force.", "ivr.selectNode": "Select a node in the tree.",
    "ivr.titleField": "Title", "ivr.prompts": "Prompts", "ivr.play": "Play", "ivr.upload": "Upload recording", "ivr.recording": "Recording",
    "ivr.clearRecording": "Remove recording", "ivr.fields": "Settings", "ivr.options": "Options", "ivr.key": "Key", "ivr.target": "Goes to",
    "ivr.addOption": "Add option", "ivr.newNode": "new node…", "ivr.newNodeId": "new node id", "ivr.removeOption": "Remove",
    "ivr.removeNode": "Remove node", "ivr.valid": "No problems: the menu can be published.", "ivr.unreachable": "Not reachable from the start",
    "ivr.seeAbove": "see above", "ivr.startNode": "start", "ivr.cannotRemoveStart": "The start node cannot be removed.",
    "ivr.keyTaken": "Choose a key that is not used yet.", "ivr.idTaken": "Choose an unused node id (letters and digits, starting with a letter).",
    "ivr.versions": "Version history", "ivr.version": "Version", "ivr.publishedBy": "Published by", "ivr.publishedAt": "When",
    "ivr.current": "in force", "ivr.rolledBackFrom": "copy of", "ivr.rollback": "Roll back to this",
    "ivr.rollbackConfirm": "Publish the menu of version {v} again as a new version?", "ivr.diff": "Compare", "ivr.diffFrom": "From", "ivr.diffTo": "To",
    "ivr.added": "Added nodes", "ivr.removed": "Removed nodes", "ivr.changed": "Changed nodes", "ivr.settings": "Menu settings", "ivr.noDiff": "No differences.",
    "hours.title": "Hours and holidays", "hours.schedule": "Weekly schedule", "hours.timeZone": "Time zone", "hours.days": "Days", "hours.open": "Opens",
    "hours.close": "Closes", "hours.addHours": "Add hours", "hours.remove": "Remove", "hours.save": "Save to draft",
    "hours.saved": "Saved to the draft. Publish on the voice menu page to put it in force.", "hours.calendars": "Holiday calendars (this schedule)",
    "hours.calendar": "Holiday calendar", "hours.from": "From", "hours.to": "To", "hours.name": "Name", "hours.provisional": "Provisional",
    "hours.addHoliday": "Add holiday", "hours.saveCalendar": "Save calendar", "hours.savedCalendar": "Calendar saved.",
    "day.monday": "Mon", "day.tuesday": "Tue", "day.wednesday": "Wed", "day.thursday": "Thu", "day.friday": "Fri", "day.saturday": "Sat", "day.sunday": "Sun",
    "denied.title": "Access denied", "denied.text": "Your account may not open this page.",
    "nav.qa": "Quality review", "nav.myEvaluations": "My evaluations",
    "qa.title": "Quality review", "qa.from": "From", "qa.to": "To", "qa.agent": "Agent", "qa.queue": "Queue", "qa.caller": "Caller number",
    "qa.minSeconds": "Min. s", "qa.maxSeconds": "Max. s", "qa.evaluated": "Scored", "qa.any": "any", "qa.notYet": "not yet", "qa.already": "already",
    "qa.search": "Search", "qa.started": "Started", "qa.duration": "Duration", "qa.status": "Status", "qa.score": "Score", "qa.open": "Listen and score",
    "qa.none": "No recordings match.", "qa.recording": "Recording", "qa.channels": "Left: caller · right: agent", "qa.scorecard": "Scorecard",
    "qa.weight": "weight", "qa.critical": "critical", "qa.answerYes": "yes", "qa.answerNo": "no", "qa.answerNa": "not applicable",
    "qa.submit": "Submit evaluation", "qa.submitted": "Submitted. Score:", "qa.noScorecard": "No scorecard is published yet.",
    "qa.unanswered": "Not answered:", "recording.complete": "complete", "recording.interrupted": "interrupted",
    "my.title": "My evaluations", "my.none": "No evaluations of your calls yet.", "my.evaluator": "Evaluator", "my.acknowledge": "Acknowledge",
    "my.dispute": "Dispute", "my.reason": "Reason", "evaluation.draft": "draft", "evaluation.submitted": "awaiting your acknowledgement",
    "evaluation.acknowledged": "acknowledged", "evaluation.disputed": "disputed", "evaluation.resolved": "resolved",
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
    "nav.reports": "Отчёты",
    "reports.title": "Статистические отчёты", "reports.kind": "Отчёт", "reports.period": "Период (любой день в нём)",
    "reports.show": "Показать показатели", "reports.generate": "Сформировать и сохранить", "reports.stored": "Сохранённые отчёты",
    "reports.daily": "Ежедневный", "reports.monthly": "Ежемесячный", "reports.quarterly": "Квартальный", "reports.yearly": "Годовой",
    "reports.summary": "Итоги", "reports.formula": "Уровень обслуживания = отвеченные в пределах цели / (поступившие − короткие сбросы)",
    "reports.key": "", "reports.offered": "Поступило", "reports.answered": "Отвечено", "reports.abandoned": "Потеряно",
    "reports.shortAbandoned": "Короткие сбросы", "reports.sl": "Уровень обслуживания, %", "reports.asa": "Ср. ожидание, с", "reports.aht": "Ср. обработка, с",
    "reports.longest": "Макс. ожидание, с", "reports.callbacks": "Обратные звонки: запрошено / сделано", "reports.survey": "Оценка: средняя (n)",
    "reports.occupancy": "Занятость, %", "reports.ivrDropped": "Ушли из меню", "reports.downloads": "Файлы", "reports.generated": "Сформирован",
    "nav.ivr": "Голосовое меню", "nav.hours": "Часы работы и праздники",
    "ivr.title": "Голосовое меню", "ivr.treeId": "Меню", "ivr.tree": "Дерево", "ivr.inForce": "Действует: версия", "ivr.noneInForce": "Нет действующей версии",
    "ivr.publish": "Опубликовать", "ivr.reload": "Отменить изменения", "ivr.saving": "Публикация…", "ivr.published": "Версия {v} теперь действует.",
    "ivr.rolledBack": "Версия {v} (копия версии {from}) теперь действует.", "ivr.selectNode": "Выберите узел в дереве.",
    "ivr.titleField": "Название", "ivr.prompts": "Сообщения", "ivr.play": "Прослушать", "ivr.upload": "Загрузить запись", "ivr.recording": "Запись",
    "ivr.clearRecording": "Удалить запись", "ivr.fields": "Настройки", "ivr.options": "Варианты", "ivr.key": "Клавиша", "ivr.target": "Переход",
    "ivr.addOption": "Добавить вариант", "ivr.newNode": "новый узел…", "ivr.newNodeId": "id нового узла", "ivr.removeOption": "Удалить",
    "ivr.removeNode": "Удалить узел", "ivr.valid": "Проблем нет: меню можно опубликовать.", "ivr.unreachable": "Недостижимо от начала",
    "ivr.seeAbove": "см. выше", "ivr.startNode": "начало", "ivr.cannotRemoveStart": "Начальный узел удалить нельзя.",
    "ivr.keyTaken": "Выберите ещё не занятую клавишу.", "ivr.idTaken": "Выберите свободный id узла (буквы и цифры, начиная с буквы).",
    "ivr.versions": "История версий", "ivr.version": "Версия", "ivr.publishedBy": "Опубликовал", "ivr.publishedAt": "Когда",
    "ivr.current": "действует", "ivr.rolledBackFrom": "копия версии", "ivr.rollback": "Вернуть эту версию",
    "ivr.rollbackConfirm": "Опубликовать меню версии {v} снова как новую версию?", "ivr.diff": "Сравнить", "ivr.diffFrom": "С", "ivr.diffTo": "По",
    "ivr.added": "Добавленные узлы", "ivr.removed": "Удалённые узлы", "ivr.changed": "Изменённые узлы", "ivr.settings": "Настройки меню", "ivr.noDiff": "Различий нет.",
    "hours.title": "Часы работы и праздники", "hours.schedule": "Недельное расписание", "hours.timeZone": "Часовой пояс", "hours.days": "Дни", "hours.open": "Открытие",
    "hours.close": "Закрытие", "hours.addHours": "Добавить часы", "hours.remove": "Удалить", "hours.save": "Сохранить в черновик",
    "hours.saved": "Сохранено в черновик. Опубликуйте на странице голосового меню, чтобы оно вступило в силу.", "hours.calendars": "Календари праздников (этого расписания)",
    "hours.calendar": "Календарь праздников", "hours.from": "С", "hours.to": "По", "hours.name": "Название", "hours.provisional": "Предварительно",
    "hours.addHoliday": "Добавить праздник", "hours.saveCalendar": "Сохранить календарь", "hours.savedCalendar": "Календарь сохранён.",
    "day.monday": "Пн", "day.tuesday": "Вт", "day.wednesday": "Ср", "day.thursday": "Чт", "day.friday": "Пт", "day.saturday": "Сб", "day.sunday": "Вс",
    "denied.title": "Доступ запрещён", "denied.text": "Вашей учётной записи эта страница недоступна.",
    "nav.qa": "Контроль качества", "nav.myEvaluations": "Мои оценки",
    "qa.title": "Контроль качества", "qa.from": "С", "qa.to": "По", "qa.agent": "Оператор", "qa.queue": "Очередь", "qa.caller": "Номер абонента",
    "qa.minSeconds": "Мин., с", "qa.maxSeconds": "Макс., с", "qa.evaluated": "Оценено", "qa.any": "все", "qa.notYet": "ещё нет", "qa.already": "уже",
    "qa.search": "Найти", "qa.started": "Начало", "qa.duration": "Длительность", "qa.status": "Статус", "qa.score": "Оценка", "qa.open": "Прослушать и оценить",
    "qa.none": "Записей не найдено.", "qa.recording": "Запись", "qa.channels": "Слева: абонент · справа: оператор", "qa.scorecard": "Анкета оценки",
    "qa.weight": "вес", "qa.critical": "критичный", "qa.answerYes": "да", "qa.answerNo": "нет", "qa.answerNa": "неприменимо",
    "qa.submit": "Отправить оценку", "qa.submitted": "Отправлено. Оценка:", "qa.noScorecard": "Ни одна анкета ещё не опубликована.",
    "qa.unanswered": "Нет ответа:", "recording.complete": "полная", "recording.interrupted": "прервана",
    "my.title": "Мои оценки", "my.none": "Ваши звонки ещё не оценивались.", "my.evaluator": "Оценщик", "my.acknowledge": "Ознакомлен(а)",
    "my.dispute": "Оспорить", "my.reason": "Причина", "evaluation.draft": "черновик", "evaluation.submitted": "ждёт вашего ознакомления",
    "evaluation.acknowledged": "принята", "evaluation.disputed": "оспорена", "evaluation.resolved": "решена",
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
    "nav.reports": "Hesabatlar",
    "reports.title": "Statistik hesabatlar", "reports.kind": "Hesabat", "reports.period": "Dövr (içindəki istənilən gün)",
    "reports.show": "Göstəriciləri göstər", "reports.generate": "Hazırla və saxla", "reports.stored": "Saxlanmış hesabatlar",
    "reports.daily": "Gündəlik", "reports.monthly": "Aylıq", "reports.quarterly": "Rüblük", "reports.yearly": "İllik",
    "reports.summary": "Yekun", "reports.formula": "Xidmət səviyyəsi = hədəf müddətdə cavablanan / (daxil olan − qısa imtinalar)",
    "reports.key": "", "reports.offered": "Daxil olub", "reports.answered": "Cavablanıb", "reports.abandoned": "İtirilib",
    "reports.shortAbandoned": "Qısa imtinalar", "reports.sl": "Xidmət səviyyəsi, %", "reports.asa": "Orta gözləmə, san", "reports.aht": "Orta emal, san",
    "reports.longest": "Ən uzun gözləmə, san", "reports.callbacks": "Geri zənglər: istənilib / edilib", "reports.survey": "Sorğu: orta (n)",
    "reports.occupancy": "Məşğulluq, %", "reports.ivrDropped": "Menyudan çıxıb", "reports.downloads": "Fayllar", "reports.generated": "Hazırlanıb",
    "nav.ivr": "Səsli menyu", "nav.hours": "İş saatları və bayramlar",
    "ivr.title": "Səsli menyu", "ivr.treeId": "Menyu", "ivr.tree": "Ağac", "ivr.inForce": "Qüvvədədir: versiya", "ivr.noneInForce": "Qüvvədə olan versiya yoxdur",
    "ivr.publish": "Dərc et", "ivr.reload": "Dəyişiklikləri ləğv et", "ivr.saving": "Dərc edilir…", "ivr.published": "Versiya {v} artıq qüvvədədir.",
    "ivr.rolledBack": "Versiya {v} ({from} versiyasının surəti) artıq qüvvədədir.", "ivr.selectNode": "Ağacda bir düyün seçin.",
    "ivr.titleField": "Ad", "ivr.prompts": "Mesajlar", "ivr.play": "Dinlə", "ivr.upload": "Yazı yüklə", "ivr.recording": "Yazı",
    "ivr.clearRecording": "Yazını sil", "ivr.fields": "Parametrlər", "ivr.options": "Seçimlər", "ivr.key": "Düymə", "ivr.target": "Keçid",
    "ivr.addOption": "Seçim əlavə et", "ivr.newNode": "yeni düyün…", "ivr.newNodeId": "yeni düyünün id-si", "ivr.removeOption": "Sil",
    "ivr.removeNode": "Düyünü sil", "ivr.valid": "Problem yoxdur: menyunu dərc etmək olar.", "ivr.unreachable": "Başlanğıcdan əlçatmazdır",
    "ivr.seeAbove": "yuxarıya baxın", "ivr.startNode": "başlanğıc", "ivr.cannotRemoveStart": "Başlanğıc düyünü silmək olmaz.",
    "ivr.keyTaken": "Hələ istifadə olunmayan düymə seçin.", "ivr.idTaken": "İstifadə olunmayan düyün id-si seçin (hərflər və rəqəmlər, hərflə başlayan).",
    "ivr.versions": "Versiyaların tarixçəsi", "ivr.version": "Versiya", "ivr.publishedBy": "Dərc edən", "ivr.publishedAt": "Nə vaxt",
    "ivr.current": "qüvvədədir", "ivr.rolledBackFrom": "surəti:", "ivr.rollback": "Bu versiyaya qayıt",
    "ivr.rollbackConfirm": "{v} versiyasının menyusu yeni versiya kimi yenidən dərc edilsin?", "ivr.diff": "Müqayisə et", "ivr.diffFrom": "Bundan", "ivr.diffTo": "Buna",
    "ivr.added": "Əlavə edilmiş düyünlər", "ivr.removed": "Silinmiş düyünlər", "ivr.changed": "Dəyişdirilmiş düyünlər", "ivr.settings": "Menyu parametrləri", "ivr.noDiff": "Fərq yoxdur.",
    "hours.title": "İş saatları və bayramlar", "hours.schedule": "Həftəlik cədvəl", "hours.timeZone": "Saat qurşağı", "hours.days": "Günlər", "hours.open": "Açılır",
    "hours.close": "Bağlanır", "hours.addHours": "Saat əlavə et", "hours.remove": "Sil", "hours.save": "Qaralamada saxla",
    "hours.saved": "Qaralamada saxlanıldı. Qüvvəyə minməsi üçün səsli menyu səhifəsində dərc edin.", "hours.calendars": "Bayram təqvimləri (bu cədvəlin)",
    "hours.calendar": "Bayram təqvimi", "hours.from": "Başlanğıc", "hours.to": "Son", "hours.name": "Ad", "hours.provisional": "İlkin",
    "hours.addHoliday": "Bayram əlavə et", "hours.saveCalendar": "Təqvimi saxla", "hours.savedCalendar": "Təqvim saxlanıldı.",
    "day.monday": "B.e.", "day.tuesday": "Ç.a.", "day.wednesday": "Ç.", "day.thursday": "C.a.", "day.friday": "C.", "day.saturday": "Ş.", "day.sunday": "B.",
    "denied.title": "Giriş qadağandır", "denied.text": "Hesabınız bu səhifəni aça bilməz.",
    "nav.qa": "Keyfiyyət nəzarəti", "nav.myEvaluations": "Qiymətlərim",
    "qa.title": "Keyfiyyət nəzarəti", "qa.from": "Başlanğıc", "qa.to": "Son", "qa.agent": "Operator", "qa.queue": "Növbə", "qa.caller": "Zəng edənin nömrəsi",
    "qa.minSeconds": "Min. san", "qa.maxSeconds": "Maks. san", "qa.evaluated": "Qiymətləndirilib", "qa.any": "hamısı", "qa.notYet": "hələ yox", "qa.already": "artıq",
    "qa.search": "Axtar", "qa.started": "Başlayıb", "qa.duration": "Müddət", "qa.status": "Vəziyyət", "qa.score": "Bal", "qa.open": "Dinlə və qiymətləndir",
    "qa.none": "Uyğun yazı yoxdur.", "qa.recording": "Yazı", "qa.channels": "Sol: zəng edən · sağ: operator", "qa.scorecard": "Qiymətləndirmə forması",
    "qa.weight": "çəki", "qa.critical": "kritik", "qa.answerYes": "bəli", "qa.answerNo": "xeyr", "qa.answerNa": "aid deyil",
    "qa.submit": "Qiyməti göndər", "qa.submitted": "Göndərildi. Bal:", "qa.noScorecard": "Hələ heç bir forma dərc olunmayıb.",
    "qa.unanswered": "Cavab verilməyib:", "recording.complete": "tam", "recording.interrupted": "kəsilib",
    "my.title": "Qiymətlərim", "my.none": "Zənglərinizə hələ qiymət verilməyib.", "my.evaluator": "Qiymətləndirən", "my.acknowledge": "Tanış oldum",
    "my.dispute": "Etiraz et", "my.reason": "Səbəb", "evaluation.draft": "qaralama", "evaluation.submitted": "tanış olmağınızı gözləyir",
    "evaluation.acknowledged": "qəbul edilib", "evaluation.disputed": "etiraz edilib", "evaluation.resolved": "həll edilib",
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
