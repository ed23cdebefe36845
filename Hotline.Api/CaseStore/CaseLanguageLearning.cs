namespace Hotline.Api.CaseStore;

/// <summary>
/// A case opened before the person chose a language (a hand-off asked for at the menu, or an intake left unanswered there)
/// is routed as <see cref="NewCase.UnknownLanguage"/>: every caseworker sees it, and through it the person's earlier cases.
/// When the language becomes known, the case goes to that language's caseworkers, as a transfer to a language would send it.
/// </summary>
public sealed class CaseLanguageLearning(CaseEventLog events)
{
    /// <summary>
    /// Inside the caller's transaction: routes the open case by <paramref name="language"/> if it has none yet, with a
    /// <see cref="CaseEventTypes.LanguageLearned"/> event naming the old and the new language (the stream tells the consoles of
    /// both and takes those that may no longer follow the case out of its group). A case routed already, by the person's
    /// language or by a caseworker's transfer, is left as it is.
    /// </summary>
    public async Task LearnAsync(DbSession session, Guid caseId, string language, CancellationToken cancellationToken)
    {
        if (language == NewCase.UnknownLanguage)
        {
            return;
        }

        var changed = await session.ExecuteAsync("Cases_LearnLanguage",
            new { Id = caseId, Language = language, Unknown = NewCase.UnknownLanguage }, cancellationToken);
        if (changed == 1)
        {
            await events.AppendAsync(session, caseId, CaseEventTypes.LanguageLearned,
                new { FromLanguage = NewCase.UnknownLanguage, ToLanguage = language }, null, cancellationToken);
        }
    }
}
