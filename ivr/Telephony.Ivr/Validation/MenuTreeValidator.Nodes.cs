using System.Globalization;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Validation;

public sealed partial class MenuTreeValidator
{
    private static void CheckCommonSettings(NodeCheck check)
    {
        var node = check.Node;
        if (node.TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            check.Fault(FaultKind.InvalidSetting, $"timeoutSeconds is {node.TimeoutSeconds}; it must be from 1 to {MaxTimeoutSeconds}.");
        }

        if (node.Retries is < 0 or > MaxRetries)
        {
            check.Fault(FaultKind.InvalidSetting, $"retries is {node.Retries}; it must be from 0 to {MaxRetries}.");
        }
    }

    private void CheckKindSpecific(MenuTree tree, NodeCheck check, HashSet<string> variables, HashSet<string> allowlist)
    {
        switch (check.Node)
        {
            case LanguageChoiceNode choice:
                CheckLanguageChoice(choice, check);
                break;
            case MenuNode menu:
                CheckMenu(menu, check);
                break;
            case CollectDigitsNode collect:
                CheckCollectDigits(collect, check);
                break;
            case SayNode say:
                CheckSay(say, check, variables);
                break;
            case HoursBranchNode branch when !tree.Schedules.ContainsKey(branch.Schedule):
                check.Fault(FaultKind.UnknownSchedule, $"Schedule '{branch.Schedule}' is not defined in the tree's 'schedules'.");
                break;
            case QueueNode queue:
                CheckQueueAndSkills(queue.Queue, queue.Skills, queue.LanguageSkill, check);
                if (queue.MaxWaitSeconds is { } maxWait && (maxWait < 1 || queue.Overflow is null))
                {
                    check.Fault(FaultKind.InvalidSetting, "maxWaitSeconds must be 1 or more and needs an 'overflow' target.");
                }

                break;
            case VoicemailNode voicemail when voicemail.MaxSeconds is < 5 or > 600:
                check.Fault(FaultKind.InvalidSetting, $"maxSeconds is {voicemail.MaxSeconds}; it must be from 5 to 600.");
                break;
            case CallbackRequestNode callback:
                CheckCallback(callback, check);
                break;
            case TransferNode transfer:
                CheckTransfer(transfer, check, allowlist);
                break;
            default:
                break;
        }
    }

    private static void CheckLanguageChoice(LanguageChoiceNode choice, NodeCheck check)
    {
        CheckKeys(choice.Options.Keys, check);
        foreach (var (key, language) in choice.Options)
        {
            if (!check.Languages.Contains(language))
            {
                check.Fault(FaultKind.InvalidOption, $"Key {key} offers {language.Code()}, which the tree does not enable.", language);
            }
        }

        foreach (var language in check.Languages.Where(l => !choice.Options.Values.Contains(l)))
        {
            check.Fault(FaultKind.InvalidOption, $"Enabled language {language.Code()} has no key in the language choice.", language);
        }
    }

    private static void CheckMenu(MenuNode menu, NodeCheck check)
    {
        CheckKeys(menu.Options.Keys, check);
        if (menu.RepeatKey is not null && !IsDtmfKey(menu.RepeatKey))
        {
            check.Fault(FaultKind.InvalidOption, $"repeatKey '{menu.RepeatKey}' is not a single key 0–9, * or #.");
        }

        var reserved = new List<(string Key, string Use)>();
        if (menu.RepeatKey is not null)
        {
            reserved.Add((menu.RepeatKey, "repeatKey"));
        }

        if (menu.OperatorTarget is not null)
        {
            reserved.Add((MenuNode.OperatorKey, "operatorTarget"));
        }

        if (menu.BackTarget is not null)
        {
            reserved.Add((MenuNode.BackKey, "backTarget"));
        }

        foreach (var (key, use) in reserved.Where(r => menu.Options.ContainsKey(r.Key)))
        {
            check.Fault(FaultKind.InvalidOption, $"Key {key} is both an option and the {use} key.");
        }

        if (menu.Options.Count == 0 && menu.OperatorTarget is null && menu.BackTarget is null)
        {
            check.Fault(FaultKind.InvalidOption, "The menu offers no key that leads anywhere.");
        }
    }

    private static void CheckCollectDigits(CollectDigitsNode collect, NodeCheck check)
    {
        if (!VariablePattern().IsMatch(collect.Variable))
        {
            check.Fault(FaultKind.InvalidSetting, $"Variable name '{collect.Variable}' must start with a letter and use letters and digits.");
        }

        if (collect.MinLength < 1 || collect.MinLength > collect.MaxLength || collect.MaxLength > MaxDigits)
        {
            check.Fault(FaultKind.InvalidSetting, $"Lengths {collect.MinLength}–{collect.MaxLength} must satisfy 1 ≤ minLength ≤ maxLength ≤ {MaxDigits}.");
        }

        if (collect.Pattern is not null && TryCompile(collect.Pattern, out var error) is null)
        {
            check.Fault(FaultKind.InvalidPattern, $"pattern '{collect.Pattern}' does not compile: {error}");
        }

        if (collect.Terminator is not null and not ("#" or "*"))
        {
            check.Fault(FaultKind.InvalidOption, $"terminator '{collect.Terminator}' must be # or *.");
        }

        if (collect.Confirmation is { } confirmation)
        {
            CheckKeys([confirmation.ConfirmKey, confirmation.RetryKey], check);
        }
    }

    private static void CheckSay(SayNode say, NodeCheck check, HashSet<string> variables)
    {
        if ((say.Variable is null) == (say.Literal is null))
        {
            check.Fault(FaultKind.InvalidSetting, "Exactly one of 'variable' and 'literal' must be set.");
        }
        else if (say.Variable is not null && !variables.Contains(say.Variable))
        {
            check.Fault(FaultKind.UnknownVariable, $"Variable '{say.Variable}' is neither collected by a collectDigits node nor built in.");
        }
        else if (say.Literal is not null && !LiteralFits(say.As, say.Literal))
        {
            check.Fault(FaultKind.InvalidSetting, $"Literal '{say.Literal}' cannot be said as {say.As}.");
        }
    }

    private static bool LiteralFits(SayAs sayAs, string literal) => sayAs switch
    {
        SayAs.Number => long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        SayAs.Minutes => int.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        SayAs.Date => DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        SayAs.Time => TimeOnly.TryParseExact(literal, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        SayAs.Digits => literal.Length > 0 && literal.All(c => IsDtmfKey(c.ToString())),
        _ => false,
    };

    private void CheckCallback(CallbackRequestNode callback, NodeCheck check)
    {
        CheckQueueAndSkills(callback.Queue, callback.Skills, callback.LanguageSkill, check);
        CheckKeys([callback.ConfirmKey, callback.OtherNumberKey], check);
        var pattern = TryCompile(callback.NumberPattern, out var error);
        if (pattern is null)
        {
            check.Fault(FaultKind.InvalidPattern, $"numberPattern '{callback.NumberPattern}' does not compile: {error}");
        }
        else if (Array.Find(InternationalSamples, pattern.IsMatch) is { } sample)
        {
            check.Fault(FaultKind.InvalidPattern, $"numberPattern '{callback.NumberPattern}' accepts the international number {sample}; callbacks must stay domestic.");
        }
    }

    private void CheckQueueAndSkills(string queue, IReadOnlyList<string> skills, bool languageSkill, NodeCheck check)
    {
        if (!_queues.Contains(queue))
        {
            check.Fault(FaultKind.UnknownQueue, $"Queue '{queue}' does not exist.");
        }

        foreach (var skill in skills.Where(s => !_skills.Contains(s)))
        {
            check.Fault(FaultKind.UnknownSkill, $"Skill '{skill}' does not exist.");
        }

        if (languageSkill)
        {
            foreach (var language in check.Languages.Where(l => !_skills.Contains(QueueNode.LanguageSkillFor(l))))
            {
                check.Fault(FaultKind.UnknownSkill, $"Language skill '{QueueNode.LanguageSkillFor(language)}' does not exist, so callers who chose {language.Code()} could never be served.", language);
            }
        }
    }

    private static void CheckTransfer(TransferNode transfer, NodeCheck check, HashSet<string> allowlist)
    {
        if (!E164Pattern().IsMatch(transfer.Number))
        {
            check.Fault(FaultKind.TransferNotAllowed, $"Number '{transfer.Number}' is not in E.164 form (+ and 7 to 15 digits).");
        }
        else if (!allowlist.Contains(transfer.Number))
        {
            check.Fault(FaultKind.TransferNotAllowed, $"Number '{transfer.Number}' is not on the transfer allowlist.");
        }
    }

    private static void CheckKeys(IEnumerable<string> keys, NodeCheck check)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!IsDtmfKey(key))
            {
                check.Fault(FaultKind.InvalidOption, $"Key '{key}' is not a single key 0–9, * or #.");
            }
            else if (!seen.Add(key))
            {
                check.Fault(FaultKind.InvalidOption, $"Key {key} is used twice.");
            }
        }
    }
}
