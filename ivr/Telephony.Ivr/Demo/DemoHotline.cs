using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Demo;

/// <summary>
/// The demo hotline of the Ministry of Science and Education: its menu tree and the queues and skills it expects,
/// for seeding an empty database (host option --demo) and for tests.
/// </summary>
public static class DemoHotline
{
    public const string TreeResourceName = "Telephony.Ivr.Demo.edu-hotline.json";

    public static MenuTree LoadTree()
    {
        using var stream = OpenResource(TreeResourceName);
        return IvrJson.ReadMenuTree(stream);
    }

    internal static Stream OpenResource(string name) => typeof(DemoHotline).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
}
