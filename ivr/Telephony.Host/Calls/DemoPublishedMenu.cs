using Telephony.Ivr.Demo;
using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

/// <summary>The demo hotline's tree, parsed once: the published menu until the IVR store provides one.</summary>
public sealed class DemoPublishedMenu(bool alwaysOpen) : IPublishedMenu
{
    private readonly Lazy<MenuTree> _tree = new(() => DemoHotline.LoadTree(alwaysOpen));

    public Task<(MenuTree Tree, int Version)> CurrentAsync(CancellationToken cancellationToken) =>
        Task.FromResult((_tree.Value, _tree.Value.Version));
}
