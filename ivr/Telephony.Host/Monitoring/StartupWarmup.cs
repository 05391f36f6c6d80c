using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
using Telephony.Calls.MediaPlane;
using Telephony.Media.Scheduling;

namespace Telephony.Host.Monitoring;

/// <summary>
/// Readies the process for its first calls once the host has started. First it compiles the media plane's code ahead of
/// use: the media tick paces every call from one thread, and each method it met for the first time was compiled there,
/// under the first calls, while every stream it paces waited.
/// Then it collects the whole heap once and compacts it, so what the start left alive (services, schema, menus, prompt
/// samples) sits in the oldest generation; without that, the first collections under the first calls carried the
/// start-up heap too (18–27 ms pauses). One deliberate pause before traffic instead of several during it.
/// </summary>
internal sealed class StartupWarmup(IHostApplicationLifetime lifetime, ILogger<StartupWarmup> logger) : IHostedService
{
    /// <summary>The assemblies whose code runs on the media tick: RTP, codecs, streams, and the call plane that feeds them.</summary>
    internal static readonly IReadOnlyList<Assembly> MediaAssemblies = [typeof(MediaTickScheduler).Assembly, typeof(CallMedia).Assembly];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(Warm, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Compiles every method and constructor with a body of the types, except generic ones; returns how many.</summary>
    internal static int Precompile(IEnumerable<Type> types)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var compiled = 0;
        foreach (var type in types)
        {
            if (type.ContainsGenericParameters)
            {
                continue; // open generic types are compiled per instantiation, at first use
            }

            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                if (method.ContainsGenericParameters || method.GetMethodBody() is null) // abstract, extern and interface methods have no body
                {
                    continue;
                }

                RuntimeHelpers.PrepareMethod(method.MethodHandle);
                compiled++;
            }
        }

        return compiled;
    }

    private void Warm()
    {
        var started = TimeProvider.System.GetTimestamp();
        int methods;
        try
        {
            methods = Precompile(MediaAssemblies.SelectMany(assembly => assembly.GetTypes()));
        }
        catch (Exception ex) when (ex is TypeLoadException or ReflectionTypeLoadException or ArgumentException or BadImageFormatException)
        {
            // Calls work without it; their first seconds may be less smooth.
            HostLog.WarmupIncomplete(logger, ex);
            methods = 0;
        }

        var compiledIn = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        started = TimeProvider.System.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapMegabytes = GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes / 1048576.0;
        var settledIn = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
        HostLog.WarmedUp(logger, methods, compiledIn, heapMegabytes, settledIn);
    }
}
