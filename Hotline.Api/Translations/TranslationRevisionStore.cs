namespace Hotline.Api.Translations;

/// <summary>The stored corrections: added one row at a time, never changed, read up to a version.</summary>
public sealed class TranslationRevisionStore
{
    public Task AddAsync(DbSession session, string language, string kind, string? textId, string? text, Guid changedBy, DateTimeOffset changedAt,
        CancellationToken cancellationToken) =>
        session.ExecuteAsync("TranslationRevisions_Create",
            new { Language = language, Kind = kind, TextId = textId, Text = text, ChangedBy = changedBy, ChangedAt = changedAt }, cancellationToken);

    /// <summary>The newest translation version; 0 while nothing was ever corrected (the shipped translations).</summary>
    public Task<long> ReadLatestVersionAsync(DbSession session, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>("TranslationRevisions_ReadLatestVersion", null, cancellationToken);

    public async Task<IReadOnlyList<TranslationRevision>> ReadThroughAsync(DbSession session, long version, CancellationToken cancellationToken) =>
        (await session.QueryAsync<TranslationRevision>("TranslationRevisions_ReadThrough", new { ThroughVersion = version }, cancellationToken)).ToList();
}
