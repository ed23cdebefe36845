using System.Globalization;

namespace Hotline.Api.Referrals;

/// <summary>
/// The partner's side of a referral: its own inbox, accept, decline, record the outcome. An NGO account
/// reaches only the referrals sent to its organisation; anything else is refused as forbidden, whether it
/// exists or not, so that the answer says nothing about other partners' referrals.
/// </summary>
public sealed class PartnerInbox(Database database, ReferralRepository referrals, CaseEventLog events, TimeProvider time)
{
    internal const string NotYours = "This referral was not sent to your organisation.";

    public async Task<Outcome<IReadOnlyList<PartnerReferralView>>> ListAsync(User user, CancellationToken cancellationToken)
    {
        if (Organisation(user) is not { } partnerId)
        {
            return NoOrganisation<IReadOnlyList<PartnerReferralView>>();
        }

        await using var session = await database.OpenAsync(cancellationToken);
        return Outcome<IReadOnlyList<PartnerReferralView>>.Done(await referrals.ReadInboxAsync(session, partnerId, cancellationToken));
    }

    public async Task<Outcome<PartnerReferralView>> GetAsync(User user, Guid referralId, CancellationToken cancellationToken)
    {
        if (Organisation(user) is not { } partnerId)
        {
            return NoOrganisation<PartnerReferralView>();
        }

        await using var session = await database.OpenAsync(cancellationToken);
        return await referrals.FindInInboxAsync(session, partnerId, referralId, cancellationToken) is { } row
            ? Outcome<PartnerReferralView>.Done(await referrals.PartnerViewAsync(session, row, cancellationToken))
            : Outcome<PartnerReferralView>.Refused(Refusal.Forbidden, NotYours);
    }

    /// <summary>
    /// Refused once the hotline closed the case of a referral whose partner was to reach the person through the hotline
    /// caseworker: accepting would promise a route nobody can carry (the hotline never writes first).
    /// </summary>
    public Task<Outcome<PartnerReferralView>> AcceptAsync(User user, Guid referralId, CancellationToken cancellationToken) =>
        StepAsync(user, referralId, "Referrals_Accept", CaseEventTypes.ReferralAccepted, ReferralStatus.Accepted, new { }, "accepted", "sent and waiting for your answer",
            cancellationToken, HotlineRouteClosed);

    internal static string? HotlineRouteClosed(PartnerInboxRow row) =>
        row.Status == ReferralStatus.Sent && ReferralRepository.HotlineClosedAt(row) is { } closedAt
            ? $"The hotline closed this case on {closedAt.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, so it can no longer pass messages "
              + "between you and the person, and this referral asks you to reach them through the hotline caseworker: it cannot be accepted. "
              + $"Decline it, or ask the hotline about it, quoting reference {ReferralReference(row.Id)}."
            : null;

    /// <summary>The short reference the partner's page and the case show (the end of the id), which a partner quotes to the hotline.</summary>
    internal static string ReferralReference(Guid referralId) => referralId.ToString()[^8..].ToUpperInvariant();

    public Task<Outcome<PartnerReferralView>> DeclineAsync(User user, Guid referralId, DeclineReferral input, CancellationToken cancellationToken)
    {
        var reason = input.Reason?.Trim() ?? "";
        return !ReferralCodes.DeclineReasons.ContainsKey(reason)
            ? Task.FromResult(Outcome<PartnerReferralView>.Refused(Refusal.Invalid,
                $"Give a reason for declining: {string.Join(", ", ReferralCodes.DeclineReasons.Keys)}."))
            : StepAsync(user, referralId, "Referrals_Decline", CaseEventTypes.ReferralDeclined, ReferralStatus.Declined, new { Reason = reason }, "declined",
                "sent and waiting for your answer", cancellationToken);
    }

    public Task<Outcome<PartnerReferralView>> CompleteAsync(User user, Guid referralId, CompleteReferral input, CancellationToken cancellationToken)
    {
        var outcome = input.Outcome?.Trim() ?? "";
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var error = !ReferralCodes.Outcomes.ContainsKey(outcome) ? $"Choose an outcome: {string.Join(", ", ReferralCodes.Outcomes.Keys)}."
            : note is { Length: > ReferralCodes.MaxOutcomeNoteLength } ? $"The note has at most {ReferralCodes.MaxOutcomeNoteLength} characters."
            : null;
        return error is not null
            ? Task.FromResult(Outcome<PartnerReferralView>.Refused(Refusal.Invalid, error))
            : StepAsync(user, referralId, "Referrals_Complete", CaseEventTypes.ReferralCompleted, ReferralStatus.Completed,
                new { Outcome = outcome, OutcomeNoteCipher = referrals.Protect(note, ProtectedColumns.ReferralOutcomeNote, referralId) },
                "completed", "accepted", cancellationToken);
    }

    /// <param name="reaches">The status the step leads to: a repeat of a step already taken (a double click) answers with the referral as it is.</param>
    /// <param name="refusedBecause">Why the statement may refuse a referral at the right step, read from the referral as it then is.</param>
    private async Task<Outcome<PartnerReferralView>> StepAsync(User user, Guid referralId, string statement, string eventType,
        ReferralStatus reaches, object values, string step, string needs, CancellationToken cancellationToken,
        Func<PartnerInboxRow, string?>? refusedBecause = null)
    {
        if (Organisation(user) is not { } partnerId)
        {
            return NoOrganisation<PartnerReferralView>();
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await referrals.FindInInboxAsync(session, partnerId, referralId, cancellationToken) is not { } row)
        {
            return Outcome<PartnerReferralView>.Refused(Refusal.Forbidden, NotYours);
        }

        var args = new Dapper.DynamicParameters(values);
        args.AddDynamicParams(new { Id = referralId, PartnerId = partnerId, Now = time.GetUtcNow() });
        if (row.Status == reaches)
        {
            return Outcome<PartnerReferralView>.Done(await referrals.PartnerViewAsync(session, row, cancellationToken));
        }

        if (!await referrals.TransitionAsync(session, statement, args, cancellationToken))
        {
            var current = await referrals.FindInInboxAsync(session, partnerId, referralId, cancellationToken) ?? row;
            return Outcome<PartnerReferralView>.Refused(Refusal.Conflict,
                refusedBecause?.Invoke(current) ?? ReferralSteps.OutOfOrder(current.Status, step, needs));
        }

        // The event carries codes only: the outcome note is free text and stays in its encrypted column.
        var data = new Dictionary<string, object?> { ["ReferralId"] = referralId, ["PartnerId"] = partnerId };
        foreach (var name in new[] { "Reason", "Outcome" })
        {
            if (values.GetType().GetProperty(name)?.GetValue(values) is { } value)
            {
                data[name] = value;
            }
        }

        await events.AppendAsync(session, row.CaseId, eventType, data, user.Id, cancellationToken);
        var stored = (await referrals.FindInInboxAsync(session, partnerId, referralId, cancellationToken))!;
        var view = await referrals.PartnerViewAsync(session, stored, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Outcome<PartnerReferralView>.Done(view);
    }

    internal static Guid? Organisation(User user) => user.Role == UserRole.Ngo ? user.OrganisationId : null;

    internal static Outcome<T> NoOrganisation<T>() => Outcome<T>.Refused(Refusal.Forbidden,
        "Your account is not linked to a partner organisation; ask a hotline administrator to link it.");
}
