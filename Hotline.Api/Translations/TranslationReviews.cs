using Hotline.Bot.CannedReplies;
using Hotline.Bot.Intake.Loading;

namespace Hotline.Api.Translations;

/// <summary>
/// A reviewer's two commands: correct one text of one language, and mark a language reviewed. A correction is
/// checked as the loader checks the shipped files before it is stored; a refused one changes nothing and says why.
/// A reviewer acts only in the languages of their account; an admin in every one.
/// </summary>
public sealed class TranslationReviews(Database database, TranslationBooks books, TranslationRevisionStore store, TimeProvider time)
{
    public const int MaxTextLength = 1_600;

    /// <summary>The new translation version.</summary>
    public async Task<Outcome<long>> CorrectAsync(User caller, string language, string kind, string textId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            return Outcome<long>.Refused(Refusal.Invalid, $"Write the translation: 1 to {MaxTextLength} characters.");
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        var book = await books.CurrentAsync(session, cancellationToken);
        if (Refuse(caller, book, language) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var revision = new TranslationRevision(book.Version + 1, language, kind, textId, text.Trim(), caller.UserName, now);
        try
        {
            book.With(revision);
        }
        catch (ScriptValidationException ex)
        {
            return Outcome<long>.Refused(Refusal.Invalid, string.Join(" ", ex.Problems.Select(p => $"{p.StepId}: {p.Description}.")));
        }
        catch (CannedReplyException ex)
        {
            return Outcome<long>.Refused(Refusal.Invalid, string.Join(" ", ex.Problems.Select(p => $"{p}.")));
        }

        return Outcome<long>.Done(await StoreAsync(session, caller, revision, cancellationToken));
    }

    /// <summary>The new translation version.</summary>
    public async Task<Outcome<long>> MarkReviewedAsync(User caller, string language, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var book = await books.CurrentAsync(session, cancellationToken);
        if (Refuse(caller, book, language) is { } refused)
        {
            return refused;
        }

        var revision = new TranslationRevision(book.Version + 1, language, TranslationKinds.Review, null, null, caller.UserName, time.GetUtcNow());
        return Outcome<long>.Done(await StoreAsync(session, caller, revision, cancellationToken));
    }

    private static Outcome<long>? Refuse(User caller, TranslationBook book, string language)
    {
        if (language == book.Script.BaseLanguage || book.Script.FindLanguage(language) is null)
        {
            return Outcome<long>.Refused(Refusal.NotFound,
                $"'{language}' is not a translated language of the intake; choose from {string.Join(", ", book.Script.Languages.Where(l => l.Tag != book.Script.BaseLanguage).Select(l => l.Tag))}.");
        }

        return caller.Role == UserRole.Reviewer && !caller.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)
            ? Outcome<long>.Refused(Refusal.Forbidden, $"You review {string.Join(", ", caller.Languages)}; an admin can add '{language}' to your account.")
            : null;
    }

    private async Task<long> StoreAsync(DbSession session, User caller, TranslationRevision revision, CancellationToken cancellationToken)
    {
        await store.AddAsync(session, revision.Language, revision.Kind, revision.TextId, revision.Text, caller.Id, revision.ChangedAt, cancellationToken);
        var version = await store.ReadLatestVersionAsync(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return version;
    }
}
