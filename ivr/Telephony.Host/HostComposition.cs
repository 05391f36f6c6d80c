using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using Prometheus;
using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Acd.Store;
using Telephony.Ivr.Store;
using Telephony.Data.Migrations;
using Telephony.Host.Acd;
using Telephony.Host.Audit;
using Telephony.Host.CallPlane;
using Telephony.Host.Calls;
using Telephony.Host.Demo;
using Telephony.Host.Health;
using Telephony.Host.Identity;
using Telephony.Host.Ivr;
using Telephony.Host.Monitoring;
using Telephony.Host.Pages;
using Telephony.Host.Recording;
using Telephony.Host.Reports;
using Telephony.Host.Sip;
using Telephony.Host.Wallboard;
using Telephony.Reports;
using Telephony.Reports.Scheduling;

namespace Telephony.Host;

/// <summary>Wires the modules into one process: the only place that knows them all.</summary>
internal static class HostComposition
{
    public static WebApplicationBuilder AddTelephony(this WebApplicationBuilder builder, TelephonyOptions options, HostDatabase database)
    {
        builder.WebHost.UseUrls(options.Http.ToHttpUrl());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.IncludeScopes = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(MeterExport.Start());
        services.AddHostedService<StartupWarmup>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownGrace);

        services.AddSingleton(new DatabaseStatus(database.Description));
        services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<IHealthProbe, DatabaseHealthProbe>();
        services.AddSip(builder.Configuration);
        services.AddSipRegistrar(builder.Configuration, options);
        services.AddCallPlane(builder.Configuration, options);
        services.AddSingleton<IReadOnlyList<Migration>>(MigrationCatalog.FromAssembly("host", typeof(HostComposition).Assembly));
        services.AddSingleton(AcdStoreSchema.Migrations);
        services.AddSingleton(ReportsSchema.Migrations);
        var reports = builder.Configuration.GetSection("Reports").Get<ReportsOptions>() ?? new ReportsOptions();
        services.AddReports(reports);
        services.AddReportsScheduling(database.ConnectionString, options.HostId, reports.ResolveTimeZone(), startWithHost: false);
        services.AddHostedService<ReportsSchedulerStarter>();
        services.AddSingleton(IvrStoreSchema.Migrations);

        services.AddTelephonyAuthentication();
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys")));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PageAssets>();
        services.AddHostedService<DemoSeeder>();
        services.AddIvrAdmin(options);

        services.AddRecording(builder.Configuration, options);
        services.AddHotline(builder.Configuration, options);
        services.AddQueueCallbackStore(builder.Configuration, options);
        services.AddAcdDispatcher(options);
        services.AddAgentDesk();
        services.AddHotlineFlow();
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapTelephony(this WebApplication app)
    {
        SipRegistrarHosting.RouteRegistrar(app.Services);
        CallPlaneHosting.RouteCalls(app.Services);
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseAccessDeniedAudit();
        app.UseAuthorization();
        app.MapHealth();
        app.MapSessions();
        app.MapAudit();
        app.MapReports();
        app.MapCalls();
        app.MapPages();
        app.MapAcd();
        app.MapAgentDesk();
        app.MapSupervisor();
        app.MapIvrAdmin();
        app.MapRecordings();
        app.MapWallboard();
        app.MapMetrics("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
