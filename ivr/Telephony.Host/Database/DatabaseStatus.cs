namespace Telephony.Host.Database;

/// <summary>What the host knows of its database: which one it uses and whether its schema is in place.</summary>
public sealed class DatabaseStatus(string description)
{
    private volatile string? _lastError = "not yet connected";
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _schemaReady;

    /// <summary>"embedded PostgreSQL 15 at …" or "external PostgreSQL at host:port/db".</summary>
    public string Description { get; } = description;

    public bool SchemaReady => _schemaReady;

    public string? LastError => _lastError;

    /// <summary>Completes once the schema is up to date; work that needs the tables awaits it.</summary>
    public Task WhenReady => _ready.Task;

    public void MarkReady()
    {
        _schemaReady = true;
        _lastError = null;
        _ready.TrySetResult();
    }

    public void MarkFailed(string error) => _lastError = error;
}
