using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

public sealed class TortureVectorTests
{
    private readonly SipMessageParser _parser = new();

    public static TheoryData<string> AcceptedFiles => TortureVector.Files("valid", "semantic");

    public static TheoryData<string> RejectedFiles => TortureVector.Files("rejected");

    public static TheoryData<string> AllFiles => TortureVector.Files();

    [Fact]
    public void Manifest_covers_every_vector_file()
    {
        var onDisk = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Vectors"), "*.dat", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Vectors"), path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, TortureVector.All.Select(vector => vector.File).Order(StringComparer.Ordinal));
        Assert.Equal(50, TortureVector.All.Count(vector => vector.File.StartsWith("rfc4475/", StringComparison.Ordinal)));
        Assert.Equal(12, TortureVector.All.Count(vector => vector.File.StartsWith("rfc5118/", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Datagram_accepted_vector_parses_with_expected_fields(string file)
    {
        var vector = TortureVector.Get(file);

        var status = _parser.ParseDatagram(vector.ReadMessageBytes(), out var message, out var rejection);

        Assert.True(status == SipParseStatus.Complete, $"{file}: {status} {rejection}");
        AssertFields(vector, message!);
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Datagram_invalid_vector_is_rejected_with_expected_reason(string file)
    {
        var vector = TortureVector.Get(file);

        var status = _parser.ParseDatagram(vector.ReadMessageBytes(), out var message, out var rejection);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(Enum.Parse<SipRejectReason>(vector.GetString("reason")!), rejection.Reason);
        Assert.Equal(vector.GetInt("status"), rejection.StatusCode);
        if (vector.GetString("header") is { } header)
        {
            Assert.Equal(Enum.Parse<SipHeaderKind>(header), rejection.Header);
        }

        Assert.Equal(vector.GetBool("messageKept") ?? true, message is not null);
        Assert.False(string.IsNullOrEmpty(rejection.ReasonPhrase));
    }

    public static TheoryData<string> LineFeedFiles => new(TortureVector.All.Where(vector => vector.GetString("lineEndings") == "lf").Select(vector => vector.File));

    [Theory]
    [MemberData(nameof(LineFeedFiles))]
    public void Datagram_with_bare_line_feeds_parses_like_its_crlf_form(string file)
    {
        var vector = TortureVector.Get(file);

        var status = _parser.ParseDatagram(vector.ReadBytes(), out var message, out var rejection);

        if (vector.GetString("rawOutcome") is { } rawOutcome)
        {
            Assert.Equal(SipParseStatus.Rejected, status);
            Assert.Equal(Enum.Parse<SipRejectReason>(rawOutcome), rejection.Reason);
            return;
        }

        var expected = _parser.ParseDatagram(vector.ReadMessageBytes(), out var crlfMessage, out var crlfRejection);
        Assert.Equal(expected, status);
        Assert.Equal(crlfRejection, rejection);
        if (status == SipParseStatus.Complete)
        {
            AssertFields(vector, message!);
            Assert.Equal(crlfMessage!.HeaderCount, message!.HeaderCount);
        }
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Vector_bytes_match_the_pinned_digest(string file)
    {
        var vector = TortureVector.Get(file);
        var folder = Path.Combine(AppContext.BaseDirectory, "Vectors", Path.GetDirectoryName(file)!);
        var pinned = File.ReadAllLines(Path.Combine(folder, "SHA256SUMS"))
            .Select(line => line.Split("  ", 2))
            .Single(parts => parts[1] == Path.GetFileName(file))[0];

        Assert.Equal(pinned, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(vector.ReadBytes())));
    }

    internal static void AssertFields(TortureVector vector, SipMessage message)
    {
        if (vector.GetString("method") is { } method)
        {
            var request = Assert.IsType<SipRequest>(message);
            Assert.Equal(method, request.MethodName);
            Assert.Equal(method, message.CSeq.MethodName);
        }

        if (vector.GetInt("statusCode") is { } statusCode)
        {
            var response = Assert.IsType<SipResponse>(message);
            Assert.Equal(statusCode, response.StatusCode);
            if (vector.GetString("reasonPhrase") is { } reasonPhrase)
            {
                Assert.Equal(reasonPhrase, response.ReasonPhrase);
            }
        }

        if (message is SipRequest withUri)
        {
            var uri = withUri.RequestUri;
            AssertOptional(vector.GetString("requestUri"), uri.ToString());
            AssertOptional(vector.GetString("requestUriUser"), uri.User);
            AssertOptional(vector.GetString("requestUriHost"), uri.Host);
            AssertOptional(vector.GetInt("requestUriPort"), uri.Port);
            AssertOptional(vector.GetString("requestUriScheme"), uri.Scheme.ToString());
        }

        AssertOptional(vector.GetString("callId"), message.CallId);
        AssertOptional(vector.GetInt("viaCount"), message.Via.Count);
        AssertOptional(vector.GetInt("cseq"), (int)message.CSeq.Number);
        AssertOptional(vector.GetInt("contentLength"), message.ContentLength);
        AssertOptional(vector.GetString("topBranch"), message.Via[0].Branch);
        AssertOptional(vector.GetString("topViaHost"), message.Via[0].Host);
        AssertOptional(vector.GetInt("topViaPort"), message.Via[0].Port);
        AssertOptional(vector.GetString("topViaReceived"), message.Via[0].Received);
        AssertOptional(vector.GetBool("rfc3261Branch"), message.Via[0].HasRfc3261Branch);
        AssertOptional(vector.GetString("toTag"), message.To.Tag);
        AssertOptional(vector.GetString("fromTag"), message.From.Tag);
        AssertOptional(vector.GetString("fromDisplayName"), message.From.DisplayName);
        AssertOptional(vector.GetString("toUser"), message.To.Uri.User);
        AssertOptional(vector.GetString("fromUser"), message.From.Uri.User);
        AssertOptional(vector.GetInt("contactCount"), message.Contact.Count);
        AssertOptional(vector.GetInt("maxForwards"), message.MaxForwards);
        AssertOptional(vector.GetString("contentType"), message.ContentType);
        if (vector.GetStrings("require") is { } require)
        {
            Assert.Equal(require, message.Require);
        }

        if (vector.GetString("authorizationScheme") is { } scheme)
        {
            Assert.Equal(scheme, Assert.Single(message.Authorization).Scheme);
        }

        if (vector.GetString("contactUriHeader") is { } uriHeader)
        {
            Assert.Equal(vector.GetString("contactUriHeaderValue"), message.Contact[0].Address!.Uri.Headers[uriHeader]);
        }

        // Every typed accessor works on an accepted message without throwing.
        _ = (message.From, message.To, message.Route, message.RecordRoute, message.Expires, message.Supported, message.Allow, message.Event, message.ReferTo, message.RetryAfter);
    }

    private static void AssertOptional<T>(T? expected, T? actual)
    {
        if (expected is not null)
        {
            Assert.Equal(expected, actual);
        }
    }
}
