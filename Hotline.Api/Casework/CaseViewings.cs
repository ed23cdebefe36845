using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Api.Casework;

/// <summary>
/// A console page's viewing of a case: sealed by the hub when it records the case as opened, and handed back by the same
/// page when a reconnection makes it join the case again (<see cref="CaseHub.RejoinCase"/>), so that the audit trail records
/// one opening per case per page, not one per reconnection on a flaky network. It names the signed-in session, the person,
/// the page (a nonce the console makes once per page load, <see cref="Viewer.PageId"/>) and the case, so it vouches for
/// nothing else: another case, another person, the same person signed in again, or another page or tab, is an opening, and
/// recorded. It vouches for a reconnection only within <see cref="ReconnectWindow"/> of its sealing, and every rejoin it
/// covers seals it again: a page that keeps reconnecting keeps its viewing, and one kept (or lifted from the page) to replay
/// later than that is an opening like any other.
/// </summary>
public sealed class CaseViewings(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>
    /// How long after its sealing a viewing covers a reconnection. The console tries again within 5 s, so a page that lost
    /// its connection for less than this keeps its viewing; after a longer outage, showing the case again is recorded.
    /// </summary>
    public static readonly TimeSpan ReconnectWindow = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("Hotline.Casework.CaseViewing");

    public string Seal(Viewer viewer, Guid caseId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{Named(viewer, caseId)}.{time.GetUtcNow().ToUnixTimeMilliseconds()}"));

    /// <summary>Whether <paramref name="viewing"/> was sealed for this viewer and case, no longer than <see cref="ReconnectWindow"/> ago.</summary>
    public bool Covers(string? viewing, Viewer viewer, Guid caseId)
    {
        if (string.IsNullOrEmpty(viewing))
        {
            return false;
        }

        string sealedText;
        try
        {
            sealedText = _protector.Unprotect(viewing);
        }
        catch (CryptographicException)
        {
            // Forged, or sealed with a key ring this host no longer has: an opening like any other.
            return false;
        }

        var named = Named(viewer, caseId) + ".";
        return sealedText.StartsWith(named, StringComparison.Ordinal)
            && long.TryParse(sealedText.AsSpan(named.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sealedAt)
            && time.GetUtcNow().ToUnixTimeMilliseconds() - sealedAt <= (long)ReconnectWindow.TotalMilliseconds;
    }

    private static string Named(Viewer viewer, Guid caseId) =>
        string.Create(CultureInfo.InvariantCulture, $"{viewer.SessionId:N}.{viewer.UserId:N}.{viewer.PageId:N}.{caseId:N}");
}

/// <summary>Who views a case: the signed-in session, its person, and the console page (one load of it) they view it on.</summary>
public sealed record Viewer(Guid SessionId, Guid UserId, Guid PageId);
