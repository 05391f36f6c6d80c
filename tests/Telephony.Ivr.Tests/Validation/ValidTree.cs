using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;
using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Tests.Validation;

/// <summary>A small tree that uses every node kind and passes validation; each fault test breaks one thing in it.</summary>
internal static class ValidTree
{
    private const string Json = """
        {
          "id": "test", "version": 1, "languages": ["az", "ru"], "defaultLanguage": "az", "start": "lang",
          "transferAllowlist": ["+994124000000"],
          "schedules": {
            "office": {
              "timeZone": "Asia/Baku",
              "weekly": [ { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "open": "09:00:00", "close": "13:00:00" },
                          { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "open": "14:00:00", "close": "18:00:00" } ],
              "holidayCalendars": ["test"],
              "closures": [ { "from": "2026-12-01T09:00:00+04:00", "to": "2026-12-01T12:00:00+04:00", "name": { "az": "Texniki işlər", "ru": "Технические работы" } } ]
            }
          },
          "nodes": {
            "lang": { "kind": "languageChoice", "prompt": { "az": { "text": "1 — az" }, "ru": { "text": "2 — ru" } },
                      "options": { "1": "az", "2": "ru" }, "next": "hours" },
            "hours": { "kind": "hoursBranch", "schedule": "office", "open": "menu", "closed": "closedMessage", "holiday": "closedMessage" },
            "menu": { "kind": "menu", "prompt": { "az": { "text": "Menyu" }, "ru": { "audio": "prompts/ru/menu.wav" } },
                      "invalidPrompt": { "az": { "text": "Yanlış" }, "ru": { "text": "Неверно" } },
                      "options": { "1": "queue", "2": "appeal", "9": "jump" }, "operatorTarget": "queue", "backTarget": "lang",
                      "onRetriesExhausted": "bye" },
            "jump": { "kind": "goTo", "target": "menu" },
            "appeal": { "kind": "collectDigits", "prompt": { "az": { "text": "Nömrə" }, "ru": { "text": "Номер" } },
                        "variable": "appealNumber", "minLength": 6, "maxLength": 8, "pattern": "^[0-9]+$",
                        "confirmation": { "prompt": { "az": { "text": "Siz daxil etdiniz" }, "ru": { "text": "Вы ввели" } },
                                          "instructions": { "az": { "text": "1 — bəli, 2 — yox" }, "ru": { "text": "1 — да, 2 — нет" } } },
                        "next": "sayAppeal" },
            "sayAppeal": { "kind": "say", "as": "digits", "variable": "appealNumber", "next": "queue" },
            "queue": { "kind": "queue", "prompt": { "az": { "text": "Gözləyin" }, "ru": { "text": "Ожидайте" } },
                       "queue": "general", "skills": ["topic:general"], "maxWaitSeconds": 600, "overflow": "offer", "afterAgent": "survey" },
            "survey": { "kind": "survey", "prompt": { "az": { "text": "Qiymət" }, "ru": { "text": "Оценка" } }, "surveyId": "s", "next": "bye" },
            "closedMessage": { "kind": "playMessage", "prompt": { "az": { "text": "Bağlıdır" }, "ru": { "text": "Закрыто" } }, "next": "offer" },
            "offer": { "kind": "menu", "prompt": { "az": { "text": "Təklif" }, "ru": { "text": "Предложение" } },
                       "options": { "1": "callback", "2": "voicemail", "3": "transfer" } },
            "callback": { "kind": "callbackRequest", "prompt": { "az": { "text": "Geri zəng" }, "ru": { "text": "Перезвон" } },
                          "otherNumberPrompt": { "az": { "text": "Nömrə" }, "ru": { "text": "Номер" } },
                          "queue": "general", "numberPattern": "^0[1-9][0-9]{8}$", "next": "bye" },
            "voicemail": { "kind": "voicemail", "prompt": { "az": { "text": "Siqnaldan sonra" }, "ru": { "text": "После сигнала" } },
                           "mailbox": "general", "next": "bye" },
            "transfer": { "kind": "transfer", "number": "+994124000000", "onFailure": "bye" },
            "bye": { "kind": "hangup", "prompt": { "az": { "text": "Sağ olun" }, "ru": { "text": "До свидания" } } }
          }
        }
        """;

    public static MenuTree Tree => IvrJson.ReadMenuTree(Json);

    public static HolidayCalendar Calendar { get; } = new()
    {
        Id = "test",
        Holidays =
        [
            new Holiday
            {
                From = new DateOnly(2026, 3, 20),
                To = new DateOnly(2026, 3, 24),
                Name = new Dictionary<Language, string> { [Language.Az] = "Novruz bayramı", [Language.Ru] = "Новруз байрамы" },
            },
        ],
    };

    public static MenuTreeValidationContext Context { get; } = new()
    {
        Queues = ["general"],
        Skills = ["topic:general", "lang:az", "lang:ru"],
        HolidayCalendars = new Dictionary<string, HolidayCalendar> { ["test"] = Calendar },
    };

    public static IReadOnlyList<ValidationFault> Validate(MenuTree tree, MenuTreeValidationContext? context = null) =>
        new MenuTreeValidator(context ?? Context).Validate(tree);

    public static MenuTree WithNode(this MenuTree tree, string id, IvrNode node) =>
        tree with { Nodes = new Dictionary<string, IvrNode>(tree.Nodes) { [id] = node } };

    public static MenuTree WithSchedule(this MenuTree tree, Func<HoursSchedule, HoursSchedule> change) =>
        tree with { Schedules = new Dictionary<string, HoursSchedule> { ["office"] = change(tree.Schedules["office"]) } };

    public static T Node<T>(this MenuTree tree, string id)
        where T : IvrNode => (T)tree.Nodes[id];

    public static IReadOnlyDictionary<Language, PromptContent> Prompt(string az, string ru) =>
        new Dictionary<Language, PromptContent> { [Language.Az] = new() { Text = az }, [Language.Ru] = new() { Text = ru } };
}
