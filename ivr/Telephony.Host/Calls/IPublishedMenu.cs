using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

/// <summary>The menu tree in force for new calls and its published version (the IVR store implements it).</summary>
public interface IPublishedMenu
{
    Task<(MenuTree Tree, int Version)> CurrentAsync(CancellationToken cancellationToken);
}
