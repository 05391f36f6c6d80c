using System.Xml.Linq;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Architecture;

/// <summary>The dependency rule of docs/architecture.md, checked against every project file in the repository.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Dictionary<string, string[]> AllowedProjectReferences = new(StringComparer.Ordinal)
    {
        ["Telephony.Sip"] = [],
        ["Telephony.Media"] = [],
        ["Telephony.Calls"] = ["Telephony.Sip", "Telephony.Media"],
        ["Telephony.Asterisk"] = ["Telephony.Calls"],
        ["Telephony.Ivr"] = ["Telephony.Calls"],
        ["Telephony.Ivr.Store"] = ["Telephony.Ivr", "Telephony.Data"],
        ["Telephony.Acd"] = [],
        ["Telephony.Acd.Store"] = ["Telephony.Acd", "Telephony.Data"],
        ["Telephony.Data"] = [],
        ["Telephony.Recording"] = ["Telephony.Media"],
        ["Telephony.Reports"] = ["Telephony.Data"],
    };

    private static readonly string[] ForbiddenInStackLibraries = ["Npgsql", "Dapper", "Microsoft.AspNetCore"];

    private static IEnumerable<(string Name, string Path, XDocument Xml)> Projects() =>
        Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetFileNameWithoutExtension(p), p, XDocument.Load(p)));

    private static IEnumerable<string> References(XDocument xml, string item) =>
        xml.Descendants(item).Select(e => (string?)e.Attribute("Include") ?? string.Empty);

    [Fact]
    public void Source_projects_reference_only_what_the_layering_allows()
    {
        var violations = new List<string>();
        foreach (var (name, _, xml) in Projects().Where(p => !p.Path.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            if (name == "Telephony.Host")
            {
                continue;
            }

            Assert.True(AllowedProjectReferences.ContainsKey(name), $"{name} is not in the dependency rule; add it to docs/architecture.md and this test");
            foreach (var reference in References(xml, "ProjectReference").Select(Path.GetFileNameWithoutExtension))
            {
                if (!AllowedProjectReferences[name].Contains(reference))
                {
                    violations.Add($"{name} references {reference}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Nothing_references_the_host_except_its_own_tests()
    {
        var referrers = Projects()
            .Where(p => References(p.Xml, "ProjectReference").Any(r => Path.GetFileNameWithoutExtension(r) == "Telephony.Host"))
            .Select(p => p.Name)
            .ToList();

        Assert.All(referrers, r => Assert.Equal("Telephony.Host.Tests", r));
    }

    [Theory]
    [InlineData("Telephony.Sip")]
    [InlineData("Telephony.Media")]
    [InlineData("Telephony.Acd")]
    public void Stack_and_routing_libraries_use_no_database_or_web_framework(string project)
    {
        var xml = Projects().Single(p => p.Name == project).Xml;
        var packages = References(xml, "PackageReference").Concat(References(xml, "FrameworkReference"));

        Assert.DoesNotContain(packages, p => ForbiddenInStackLibraries.Any(f => p.StartsWith(f, StringComparison.Ordinal)));
        Assert.Equal("Microsoft.NET.Sdk", (string?)xml.Root!.Attribute("Sdk"));
    }

    [Fact]
    public void Test_projects_reference_the_test_kit_and_no_other_test_project()
    {
        foreach (var (name, path, xml) in Projects().Where(p => p.Name.EndsWith(".Tests", StringComparison.Ordinal)))
        {
            var references = References(xml, "ProjectReference").Select(Path.GetFileNameWithoutExtension).ToList();
            Assert.Contains("Telephony.TestKit", references);
            Assert.DoesNotContain(references, r => r!.EndsWith(".Tests", StringComparison.Ordinal));
            Assert.True(File.Exists(path));
            Assert.StartsWith("Telephony.", name, StringComparison.Ordinal);
        }
    }
}
