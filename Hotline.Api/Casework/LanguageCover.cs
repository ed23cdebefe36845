namespace Hotline.Api.Casework;

/// <summary>
/// Whether anyone on shift (signed in now, on any instance) speaks a language: a case sent to a language
/// group nobody present speaks would wait where no caseworker sees it.
/// </summary>
public sealed class LanguageCover(Database database, UserRepository users, SessionStore sessions, IOptions<AuthOptions> auth, TimeProvider time)
{
    /// <summary>Why a transfer to <paramref name="language"/> is refused, or null when a colleague on shift speaks it.</summary>
    public async Task<string?> TransferRefusalAsync(User transferring, string language, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return (await LanguagesOnShiftAsync(session, transferring.Id, cancellationToken)).Contains(language) ? null
            : $"Nobody on shift speaks {language} now, so the case would wait where no caseworker sees it. Keep it, or transfer it to a colleague.";
    }

    /// <summary>The languages spoken by staff signed in now, leaving out <paramref name="except"/>.</summary>
    public async Task<IReadOnlySet<string>> LanguagesOnShiftAsync(DbSession session, Guid? except, CancellationToken cancellationToken)
    {
        var onShift = await sessions.ReadSignedInUserIdsAsync(session, time.GetUtcNow() - TimeSpan.FromHours(auth.Value.AbsoluteHours), cancellationToken);
        return (await users.ReadActiveAsync(session, cancellationToken))
            .Where(u => u.Id != except && onShift.Contains(u.Id) && u.Role is not (UserRole.Ngo or UserRole.Reviewer))
            .SelectMany(u => u.Languages)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
