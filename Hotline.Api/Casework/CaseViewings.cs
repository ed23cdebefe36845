using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Api.Casework;

/// <summary>
/// A console page's viewing of a case: sealed by the hub when it records the case as opened, and handed back by the same
/// page when a reconnection makes it join the case again (<see cref="CaseHub.RejoinCase"/>), so that the audit trail records
/// one opening per case per page, not one per reconnection on a flaky network. It names the signed-in session, the person
/// and the case, so it vouches for nothing else: another case, another person, or the same person signed in again, is an
/// opening, and recorded. It needs no lifetime of its own: the session it names ends, and the hub refuses its caller then.
/// The console keeps it in the page's memory only: a reload is a new page, and its opening is recorded.
/// </summary>
public sealed class CaseViewings(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Hotline.Casework.CaseViewing");

    public string Seal(Guid sessionId, Guid userId, Guid caseId) => _protector.Protect(Named(sessionId, userId, caseId));

    /// <summary>Whether <paramref name="viewing"/> was sealed for this session, person and case.</summary>
    public bool Covers(string? viewing, Guid sessionId, Guid userId, Guid caseId)
    {
        if (string.IsNullOrEmpty(viewing))
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(viewing) == Named(sessionId, userId, caseId);
        }
        catch (CryptographicException)
        {
            // Forged, or sealed with a key ring this host no longer has: an opening like any other.
            return false;
        }
    }

    private static string Named(Guid sessionId, Guid userId, Guid caseId) =>
        string.Create(CultureInfo.InvariantCulture, $"{sessionId:N}.{userId:N}.{caseId:N}");
}
