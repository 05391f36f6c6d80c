using System.Buffers;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

/// <summary>
/// Seeded random mutations of the torture vectors: the parser answers every input with a status, never an exception,
/// and a message it accepts can be read through every typed accessor without an exception either.
/// </summary>
public sealed class SipParserFuzzTests
{
    private const int Iterations = 20_000;

    private static readonly byte[][] s_corpus = TortureVector.All.Select(vector => vector.ReadMessageBytes()).ToArray();
    private static readonly byte[] s_interesting = "\r\n\t :;,<>\"\\%@[]=?&*0129"u8.ToArray();

    [Theory]
    [InlineData(20261127)]
    [InlineData(4475)]
    public void Mutated_vectors_never_make_the_parser_throw(int seed)
    {
        var random = new Random(seed);
        var parser = new SipMessageParser(new SipParserOptions { MaxMessageSize = 8192, MaxHeaderCount = 64 });
        var framer = new SipStreamFramer(parser);
        var accepted = 0;

        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var input = Mutate(random, s_corpus[random.Next(s_corpus.Length)]);
            try
            {
                var status = parser.ParseDatagram(input, out var message, out var rejection);
                Assert.Equal(status == SipParseStatus.Rejected, rejection.Reason != SipRejectReason.None);
                if (status == SipParseStatus.Complete)
                {
                    accepted++;
                    ReadEverything(message!);
                }

                var split = random.Next(input.Length + 1);
                var buffer = BufferSegment.Sequence(input.AsMemory(0, split), input.AsMemory(split));
                while (framer.TryReadMessage(ref buffer, out var streamed, out _) != SipParseStatus.Incomplete && streamed is not null)
                {
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed} iteration {iteration}: {exception}\ninput: {Convert.ToBase64String(input)}");
            }
        }

        Assert.InRange(accepted, Iterations / 50, Iterations);
    }

    private static void ReadEverything(SipMessage message)
    {
        if (message is SipRequest request)
        {
            _ = (request.MethodName, request.RequestUri.Host, request.RequestUri.Parameters.Count);
        }
        else
        {
            _ = ((SipResponse)message).ReasonPhrase;
        }

        _ = (message.CallId, message.CSeq, message.From.Tag, message.To.Tag, message.MaxForwards, message.Expires, message.ContentType);
        _ = (message.Via.Count, message.Contact.Count, message.Route.Count, message.RecordRoute.Count);
        _ = (message.Require, message.ProxyRequire, message.Supported, message.Unsupported, message.Allow);
        _ = (message.Event, message.ReferTo, message.RetryAfter);
        _ = (message.Authorization, message.ProxyAuthorization, message.WwwAuthenticate, message.ProxyAuthenticate);
        foreach (var via in message.Via)
        {
            _ = (via.Branch, via.RPort, via.Ttl, via.Received);
        }

        foreach (var contact in message.Contact)
        {
            _ = (contact.Expires, contact.Q);
        }

        for (var i = 0; i < message.HeaderCount; i++)
        {
            _ = message.GetHeader(i).ToString();
        }
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var bytes = new List<byte>(original);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, random.Next(2) == 0 ? s_interesting[random.Next(s_interesting.Length)] : (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(1 + random.Next(8), bytes.Count - at));
                    break;
                case 3:
                    var donor = s_corpus[random.Next(s_corpus.Length)];
                    var from = random.Next(donor.Length);
                    bytes.InsertRange(at, donor.Skip(from).Take(1 + random.Next(64)));
                    break;
                case 4:
                    bytes[at] = s_interesting[random.Next(s_interesting.Length)];
                    break;
                case 5:
                    var length = Math.Min(1 + random.Next(40), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
