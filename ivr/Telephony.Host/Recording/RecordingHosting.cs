using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Telephony.Host.Acd;
using Telephony.Host.Configuration;
using Telephony.Recording;
using Telephony.Recording.Encryption;
using Telephony.Recording.Evaluations;
using Telephony.Recording.Recorder;
using Telephony.Recording.Retention;
using Telephony.Recording.Scoring;
using Telephony.Recording.Store;

namespace Telephony.Host.Recording;

/// <summary>
/// Wires the recorder into the host: its migrations, start-up recovery, the tap every bridged conversation gets,
/// retention, and the QA stores. Files go under the host's data directory (<c>DATA/recordings/yyyy/MM/dd</c>).
/// </summary>
internal static class RecordingHosting
{
    /// <summary>Call before AddHotline/AddAcdDispatcher: the recorder's tap factory replaces the no-recording default.</summary>
    public static IServiceCollection AddRecording(this IServiceCollection services, IConfiguration configuration, TelephonyOptions options)
    {
        var section = configuration.GetSection("Recording");
        var recording = section.Get<RecordingOptions>() ?? new RecordingOptions();
        recording.DataDirectory = options.DataDirectory;
        recording.HostId = options.HostId;
        recording.Validate();
        var hostOptions = section.Get<RecordingHostOptions>() ?? new RecordingHostOptions();
        hostOptions.Validate();

        services.AddSingleton(RecordingSchema.Migrations);
        services.AddSingleton(recording);
        services.AddSingleton(hostOptions);
        services.AddSingleton<RecordingMetrics>();
        services.AddSingleton<DiskSpaceGuard>();
        services.AddSingleton(sp => new RecordingWriterLoop(recording, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RecordingMetrics>(),
            sp.GetRequiredService<ILogger<RecordingWriterLoop>>(), sp.GetRequiredService<DiskSpaceGuard>()));
        services.AddSingleton<RecordingStore>();
        if (recording.Encryption.Keys.Count > 0)
        {
            services.AddSingleton(new RecordingCipher(new RecordingKeyRing(recording.Encryption)));
        }

        services.AddSingleton(sp => new RecordingService(sp.GetRequiredService<RecordingStore>(), sp.GetRequiredService<RecordingWriterLoop>(), recording,
            sp.GetRequiredService<DiskSpaceGuard>(), sp.GetService<RecordingCipher>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<RecordingMetrics>(), sp.GetRequiredService<ILogger<RecordingService>>()));
        services.AddSingleton(sp => new RecordingRecovery(sp.GetRequiredService<RecordingStore>(), recording, sp.GetService<RecordingCipher>(),
            sp.GetRequiredService<ILogger<RecordingRecovery>>()));
        services.AddSingleton(sp => new RecordingReader(sp.GetRequiredService<RecordingStore>(), recording, sp.GetService<RecordingCipher>()));
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<ScorecardStore>();
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton(sp => new RecordingQueries(sp.GetRequiredService<NpgsqlDataSource>()));

        services.AddSingleton<RecordingReadiness>();
        services.AddSingleton<RecordingWorkTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingWorkTracker>());
        services.AddHostedService<RecordingStartup>();
        services.Replace(ServiceDescriptor.Singleton<IMediaTapFactory, RecorderTapFactory>());
        return services;
    }
}
