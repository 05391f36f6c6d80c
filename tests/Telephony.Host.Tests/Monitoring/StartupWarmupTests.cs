using Telephony.Host.Monitoring;

namespace Telephony.Host.Tests.Monitoring;

public sealed class StartupWarmupTests
{
    [Fact]
    public void Every_non_generic_method_of_the_media_plane_compiles_ahead_of_the_first_call()
    {
        var types = StartupWarmup.MediaAssemblies.SelectMany(assembly => assembly.GetTypes()).ToList();

        var compiled = StartupWarmup.Precompile(types);

        Assert.Contains(types, type => type.FullName == "Telephony.Media.Scheduling.MediaTickScheduler");
        Assert.Contains(types, type => type.FullName == "Telephony.Calls.MediaPlane.RtpEndpoint");
        Assert.True(compiled > 1000, $"{compiled} methods compiled");
    }

    [Fact]
    public void Methods_of_closed_types_are_compiled_and_open_generic_ones_left_to_their_first_use()
    {
        var compiled = StartupWarmup.Precompile([typeof(WarmupSampleGeneric<>), typeof(WarmupSamplePlain), typeof(IWarmupSampleWithoutBodies)]);

        Assert.Equal(4, compiled); // the plain type's constructor, Seed's getter and setter, Twice; not Same<T>, nor anything without a body
    }
}

public sealed class WarmupSampleGeneric<T>
{
    public T? Value { get; set; }
}

public sealed class WarmupSamplePlain
{
    public int Seed { get; init; }

    public int Twice() => Seed * 2;

    public static T Same<T>(T value) => value;
}

public interface IWarmupSampleWithoutBodies
{
    int Count();
}
