using Hotline.Bot.CannedReplies;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Translations;

/// <summary>
/// The translations of each version, built from the shipped files and the stored corrections. Every instance asks
/// the database for the newest version when a new intake starts or a page is read, so a correction takes effect
/// everywhere at once without a restart; a version, once built, never changes, so it is kept (a few at a time).
/// </summary>
public sealed class TranslationBooks(IntakeScript shippedScript, CannedReplyCatalog shippedReplies, TranslationRevisionStore store, ILogger<TranslationBooks> logger)
{
    /// <summary>Versions in use at once are few: the newest, and those of intakes still running.</summary>
    private const int KeptVersions = 16;

    private readonly ConcurrentDictionary<long, TranslationBook> _books = new();

    public Task<long> LatestVersionAsync(DbSession session, CancellationToken cancellationToken) => store.ReadLatestVersionAsync(session, cancellationToken);

    public async Task<TranslationBook> CurrentAsync(DbSession session, CancellationToken cancellationToken) =>
        await ForVersionAsync(session, await LatestVersionAsync(session, cancellationToken), cancellationToken);

    public async Task<TranslationBook> ForVersionAsync(DbSession session, long version, CancellationToken cancellationToken)
    {
        if (_books.TryGetValue(version, out var known))
        {
            return known;
        }

        var revisions = version == 0 ? [] : await store.ReadThroughAsync(session, version, cancellationToken);
        var book = TranslationBook.Build(shippedScript, shippedReplies, version, revisions, (revision, reason) =>
            logger.LogWarning("Translation correction {Version} ({Language}, {TextId}) no longer fits the shipped files and is left out: {Reason}",
                revision.Id, revision.Language, revision.TextId, reason));
        if (_books.Count >= KeptVersions)
        {
            _books.Clear();
        }

        return _books.GetOrAdd(version, book);
    }
}
