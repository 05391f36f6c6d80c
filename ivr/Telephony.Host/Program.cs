using Telephony.Host;
using Telephony.Host.Configuration;
using Telephony.Host.Database;

var commandLine = HostCommandLine.Parse(args);
if (commandLine.Error is not null)
{
    await Console.Error.WriteLineAsync($"telephony: {commandLine.Error}");
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(commandLine.Values);
var loaded = TelephonyOptions.Load(builder.Configuration);
if (loaded.Options is not { } options)
{
    foreach (var error in loaded.Errors)
    {
        await Console.Error.WriteLineAsync($"telephony: {error}");
    }

    return 2;
}

HostDatabase database;
try
{
    database = await HostDatabase.OpenAsync(options, CancellationToken.None);
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException)
{
    await Console.Error.WriteLineAsync($"telephony: the embedded database could not start: {ex.Message}");
    return 1;
}

await using var databaseLifetime = database;
await Console.Out.WriteLineAsync($"telephony: database: {database.Description}");
await Console.Out.WriteLineAsync($"telephony: {Telephony.Host.Monitoring.CollectorSettings.Describe()}");

var app = builder.AddTelephony(options, database).Build();
app.MapTelephony();
await app.RunAsync();
return 0;
