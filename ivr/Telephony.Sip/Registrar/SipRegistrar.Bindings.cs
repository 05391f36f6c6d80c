using System.Globalization;
using System.Net;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Registrar;

/// <summary>Processing the Contact headers of an authenticated REGISTER (RFC 3261 10.3 steps 6 to 8).</summary>
public sealed partial class SipRegistrar
{
    private async Task<(SipMessageBuilder Response, int StatusCode)> UpdateBindingsAsync(
        SipRequest request, string aor, IPEndPoint source, string transport, Func<int, string, SipMessageBuilder> create, CancellationToken cancellationToken)
    {
        var contacts = request.Contact;
        if (contacts.Any(c => c.IsWildcard))
        {
            if (contacts.Count != 1 || request.Expires != 0)
            {
                return (create(400, "Bad Request: Contact * needs Expires: 0 and no other contact"), 400);
            }

            await _registrations.RemoveAllAsync(aor, cancellationToken).ConfigureAwait(false);
        }
        else if (contacts.Count > 0)
        {
            var refusal = await ApplyContactsAsync(request, aor, source, transport, create, cancellationToken).ConfigureAwait(false);
            if (refusal is { } r)
            {
                return r;
            }
        }

        var now = _timeProvider.GetUtcNow();
        var bindings = await _registrations.FindContactsAsync(aor, cancellationToken).ConfigureAwait(false);
        var ok = create(200, "OK");
        foreach (var binding in bindings)
        {
            var q = binding.Q is { } value ? ";q=" + value.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;
            ok.AddHeader(SipHeaderKind.Contact, $"<{binding.ContactUri}>;expires={binding.RemainingSeconds(now)}{q}");
        }

        ok.AddHeader(SipHeaderKind.Date, now.ToString("r", CultureInfo.InvariantCulture));
        SipLog.Registered(_logger, aor, source, bindings.Count);
        return (ok, 200);
    }

    private async Task<(SipMessageBuilder, int)?> ApplyContactsAsync(
        SipRequest request, string aor, IPEndPoint source, string transport, Func<int, string, SipMessageBuilder> create, CancellationToken cancellationToken)
    {
        // Validate every contact before changing anything, so a refused request leaves the bindings as they were.
        var existing = await _registrations.FindContactsAsync(aor, cancellationToken).ConfigureAwait(false);
        var changes = new List<(string ContactUri, long Expires, double? Q)>(request.Contact.Count);
        foreach (var contact in request.Contact)
        {
            long expires = contact.Expires ?? request.Expires ?? (uint)_options.DefaultExpiresSeconds;
            if (expires != 0 && expires < _options.MinExpiresSeconds)
            {
                var tooBrief = create(423, "Interval Too Brief")
                    .AddHeader(SipHeaderKind.MinExpires, _options.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture));
                return (tooBrief, 423);
            }

            var contactUri = contact.Address!.Uri.ToString();
            var previous = existing.FirstOrDefault(b => string.Equals(b.ContactUri, contactUri, StringComparison.Ordinal));
            if (previous is not null && string.Equals(previous.CallId, request.CallId, StringComparison.Ordinal) && request.CSeq.Number <= previous.CSeq)
            {
                // 10.3 step 7: an older request of the same registration must not undo a newer one.
                return (create(400, "Bad Request: CSeq out of order"), 400);
            }

            changes.Add((contactUri, Math.Min(expires, _options.MaxExpiresSeconds), contact.Q));
        }

        var now = _timeProvider.GetUtcNow();
        var userAgent = request.GetHeaderValue("User-Agent");
        foreach (var (contactUri, expires, q) in changes)
        {
            if (expires == 0)
            {
                await _registrations.RemoveAsync(aor, contactUri, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var binding = new SipBinding(
                aor, contactUri, source, transport.ToUpperInvariant(), now.AddSeconds(expires), q, request.CallId, request.CSeq.Number, userAgent, _options.HostId);
            await _registrations.SaveAsync(binding, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
