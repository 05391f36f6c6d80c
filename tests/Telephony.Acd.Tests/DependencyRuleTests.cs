using Telephony.Acd.Routing;

namespace Telephony.Acd.Tests;

public sealed class DependencyRuleTests
{
    [Fact]
    public void Acd_assembly_references_no_module_of_ours_nor_database_or_web_frameworks()
    {
        var references = typeof(AcdEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Telephony.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
