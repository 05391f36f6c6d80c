using Telephony.Ivr.Model;
using Telephony.Ivr.Store.Trees;

namespace Telephony.Host.Calls;

/// <summary>
/// The menu in force, read once per call from the IVR store (a call keeps that version). Where none can be read — the
/// database is away — the demo hotline answers with its built-in tree rather than dropping the citizen's call.
/// </summary>
internal sealed class StorePublishedMenu(MenuTreeStore store, string treeId, IPublishedMenu? fallback, ILogger<StorePublishedMenu> logger) : IPublishedMenu
{
    public async Task<(MenuTree Tree, int Version)> CurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await store.GetPublishedAsync(treeId, cancellationToken) is { } published)
            {
                return (published.Tree, published.Version);
            }
        }
        catch (Npgsql.NpgsqlException ex) when (fallback is not null)
        {
            CallsHostLog.MenuFromFallback(logger, treeId, ex.Message);
        }

        return fallback is not null
            ? await fallback.CurrentAsync(cancellationToken)
            : throw new InvalidOperationException($"No published version of menu tree '{treeId}'.");
    }
}
