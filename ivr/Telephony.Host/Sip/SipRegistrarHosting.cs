using System.Security.Cryptography;
using Npgsql;
using Telephony.Host.Configuration;
using Telephony.Host.Identity;
using Telephony.Sip.Authentication;
using Telephony.Sip.Messages;
using Telephony.Sip.Registrar;

namespace Telephony.Host.Sip;

/// <summary>
/// Agents' phones register with us: digest-authenticated against the hashed credentials in sip_credentials, bindings in
/// sip_registrations so every host sharing the database can reach every phone.
/// </summary>
internal static class SipRegistrarHosting
{
    /// <summary>Phones in use (baresip 1.0.0, sipsak) refuse a challenge list that offers SHA-256, so MD5 is the default.</summary>
    private static readonly SipDigestAlgorithm[] DefaultAlgorithms = [SipDigestAlgorithm.Md5];

    public static IServiceCollection AddSipRegistrar(this IServiceCollection services, IConfiguration configuration, TelephonyOptions options)
    {
        var section = configuration.GetSection("Sip:Registrar");
        var registrar = new SipRegistrarOptions
        {
            Realm = AccountStore.SipRealm,
            NonceKey = section["NonceKey"] is { Length: > 0 } shared ? Convert.FromBase64String(shared) : NonceKey(options.DataDirectory),
            HostId = options.HostId,
            Algorithms = ReadAlgorithms(section["Algorithms"]),
        };
        registrar.Validate();

        services.AddSingleton(registrar);
        services.AddSingleton<ISipCredentialStore>(sp => new PostgresSipCredentialStore(sp.GetRequiredService<NpgsqlDataSource>(), AccountStore.SipRealm));
        services.AddSingleton<PostgresRegistrationStore>();
        services.AddSingleton<IRegistrationStore>(sp => sp.GetRequiredService<PostgresRegistrationStore>());
        services.AddSingleton<SipRegistrarMetrics>();
        services.AddSingleton<SipRegistrar>();
        services.AddSingleton(sp => new SipRegistrarRequestHandler(
            sp.GetRequiredService<SipRegistrar>(), null, sp.GetRequiredService<ILogger<SipRegistrarRequestHandler>>()));
        return services;
    }

    /// <summary>Routes REGISTER to the registrar; called before the SIP stack starts.</summary>
    public static void RouteRegistrar(IServiceProvider services)
    {
        var handler = services.GetRequiredService<SipRegistrarRequestHandler>();
        services.GetRequiredService<SipRequestRouter>().Route(SipMethod.Register, handler.OnRequest);
    }

    private static IReadOnlyList<SipDigestAlgorithm> ReadAlgorithms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultAlgorithms;
        }

        var algorithms = new List<SipDigestAlgorithm>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SipDigest.TryParseAlgorithm(name, out var algorithm))
            {
                throw new InvalidOperationException($"Sip:Registrar:Algorithms: '{name}' is not a digest algorithm (MD5, SHA-256)");
            }

            algorithms.Add(algorithm);
        }

        return algorithms;
    }

    /// <summary>The key that signs nonces: Sip:Registrar:NonceKey (base64, the same on every host behind one balancer), else generated once into the data directory.</summary>
    private static byte[] NonceKey(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "sip-nonce.key");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return File.ReadAllBytes(path);
    }
}
