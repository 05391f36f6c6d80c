using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>Agents' phones registering with the running demo server, as sipsak does it.</summary>
public sealed class PhoneRegistrationTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private async Task<int> SipsakRegisterAsync(string user, string password)
    {
        var (exitCode, _) = await ExternalTool.RunAsync("sipsak", TimeSpan.FromSeconds(30),
            "-U", "-C", $"sip:{user}@127.0.0.1:{demo.Host.SipPort + 1}", "-s", $"sip:{user}@127.0.0.1:{demo.Host.SipPort}",
            "-a", password, $"--auth-username={user}", "-x", "60");
        return exitCode;
    }

    [Fact]
    public async Task Sipsak_register_with_the_agents_sip_password_is_accepted()
    {
        var agent = demo.Credentials.Agents.Single(a => a.Extension == "1002");

        Assert.Equal(0, await SipsakRegisterAsync("1002", agent.SipPassword));
    }

    [Fact]
    public async Task Sipsak_register_with_a_wrong_password_is_refused()
    {
        Assert.NotEqual(0, await SipsakRegisterAsync("1003", "not-the-password"));
    }
}
