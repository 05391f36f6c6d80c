using System.Text.RegularExpressions;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Validation;

/// <summary>
/// Checks a menu tree before it is published and lists every fault found (not only the first), each naming the node,
/// schedule and language it concerns. An empty list means the tree may be published.
/// </summary>
public sealed partial class MenuTreeValidator
{
    public const int MaxTimeoutSeconds = 60;
    public const int MaxRetries = 10;
    public const int MaxDigits = 64;

    /// <summary>International numbers dialled with the 00 prefix; a callback pattern that accepts one invites toll fraud.</summary>
    private static readonly string[] InternationalSamples = ["0088212345678", "00441234567890", "0012125550100", "008821234567890"];

    private readonly MenuTreeValidationContext _context;
    private readonly HashSet<string> _queues;
    private readonly HashSet<string> _skills;

    public MenuTreeValidator(MenuTreeValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _queues = new HashSet<string>(context.Queues, StringComparer.Ordinal);
        _skills = new HashSet<string>(context.Skills, StringComparer.Ordinal);
    }

    public IReadOnlyList<ValidationFault> Validate(MenuTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var faults = new List<ValidationFault>();
        var languages = CheckTree(tree, faults);
        var variables = tree.Nodes.Values.OfType<CollectDigitsNode>().Select(n => n.Variable)
            .Concat(IvrVariables.BuiltIn).ToHashSet(StringComparer.Ordinal);
        var allowlist = tree.TransferAllowlist.Concat(_context.TransferAllowlist).ToHashSet(StringComparer.Ordinal);

        foreach (var (id, node) in tree.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            var check = new NodeCheck(id, node, languages, faults);
            CheckLinks(tree, check);
            CheckPrompts(check);
            CheckCommonSettings(check);
            CheckKindSpecific(tree, check, variables, allowlist);
        }

        CheckReachability(tree, faults);
        CheckLoopsWithoutInput(tree, faults);
        CheckSchedules(tree, languages, faults);
        return faults;
    }

    internal static bool IsDtmfKey(string? key) => key is { Length: 1 } && "0123456789*#".Contains(key[0], StringComparison.Ordinal);

    private static List<Language> CheckTree(MenuTree tree, List<ValidationFault> faults)
    {
        if (!NodeIdPattern().IsMatch(tree.Id))
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, null, null, $"Tree id '{tree.Id}' must start with a letter and use letters, digits, '-', '_' or '.'."));
        }

        if (tree.Version < 1)
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, null, null, $"Version {tree.Version} must be 1 or more."));
        }

        if (tree.SchemaVersion != MenuTree.CurrentSchemaVersion)
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, null, null, $"Schema version {tree.SchemaVersion} is not supported; this server reads version {MenuTree.CurrentSchemaVersion}."));
        }

        var languages = tree.Languages.Distinct().ToList();
        if (languages.Count == 0)
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, null, null, "The tree enables no language."));
        }
        else if (languages.Count != tree.Languages.Count)
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, null, null, "A language is listed twice in 'languages'."));
        }

        if (!languages.Contains(tree.DefaultLanguage))
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, null, tree.DefaultLanguage, $"Default language '{tree.DefaultLanguage.Code()}' is not one of the enabled languages."));
        }

        if (!tree.Nodes.ContainsKey(tree.Start))
        {
            faults.Add(new ValidationFault(FaultKind.MissingStartNode, null, null, $"Start node '{tree.Start}' does not exist."));
        }

        foreach (var id in tree.Nodes.Keys.Where(id => !NodeIdPattern().IsMatch(id)).Order(StringComparer.Ordinal))
        {
            faults.Add(new ValidationFault(FaultKind.InvalidTree, id, null, $"Node id '{id}' must start with a letter and use letters, digits, '-', '_' or '.'."));
        }

        return languages;
    }

    private static void CheckLinks(MenuTree tree, NodeCheck check)
    {
        foreach (var link in check.Node.Links())
        {
            if (!tree.Nodes.ContainsKey(link.Target))
            {
                check.Fault(FaultKind.MissingTarget, $"{link.Label} leads to node '{link.Target}', which does not exist.");
            }
        }
    }

    private static void CheckReachability(MenuTree tree, List<ValidationFault> faults)
    {
        if (!tree.Nodes.ContainsKey(tree.Start))
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { tree.Start };
        var pending = new Stack<string>([tree.Start]);
        while (pending.TryPop(out var id))
        {
            foreach (var link in tree.Nodes[id].Links())
            {
                if (tree.Nodes.ContainsKey(link.Target) && reached.Add(link.Target))
                {
                    pending.Push(link.Target);
                }
            }
        }

        foreach (var id in tree.Nodes.Keys.Where(id => !reached.Contains(id)).Order(StringComparer.Ordinal))
        {
            faults.Add(new ValidationFault(FaultKind.UnreachableNode, id, null, $"No path from the start node '{tree.Start}' leads to this node."));
        }
    }

    private static Regex? TryCompile(string pattern, out string error)
    {
        try
        {
            error = string.Empty;
            return DigitPattern.Compile(pattern);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();

    /// <summary>The node under check and where its faults go.</summary>
    private readonly record struct NodeCheck(string Id, IvrNode Node, IReadOnlyList<Language> Languages, List<ValidationFault> Faults)
    {
        public void Fault(FaultKind kind, string message, Language? language = null) =>
            Faults.Add(new ValidationFault(kind, Id, language, message));
    }
}
