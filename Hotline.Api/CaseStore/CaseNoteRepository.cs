namespace Hotline.Api.CaseStore;

/// <summary>A caseworker's internal note. Notes often hold what a person told in confidence, so they are encrypted like messages.</summary>
public sealed record CaseNote(Guid Id, Guid CaseId, Guid AuthorUserId, string Body, DateTimeOffset CreatedAt);

public sealed class CaseNoteRepository(FieldProtector protector, TimeProvider time)
{
    public Task<CaseNote> AddAsync(DbSession session, Guid caseId, Guid authorUserId, string body, CancellationToken cancellationToken) =>
        AddAsync(session, RowIds.Version7(time.GetUtcNow()), caseId, authorUserId, body, cancellationToken);

    /// <param name="id">The note's id: a console's request id, so that a repeat finds the note it made.</param>
    public async Task<CaseNote> AddAsync(DbSession session, Guid id, Guid caseId, Guid authorUserId, string body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var note = new CaseNote(id, caseId, authorUserId, body, now);
        await session.ExecuteAsync("CaseNotes_Create", new
        {
            note.Id,
            note.CaseId,
            note.AuthorUserId,
            BodyCipher = protector.Protect(body, ProtectedColumns.CaseNoteBody.At(id)),
            note.CreatedAt,
        }, cancellationToken);
        return note;
    }

    public async Task<CaseNote?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<CaseNoteRow>("CaseNotes_ReadById", new { Id = id }, cancellationToken) is { } r
            ? new CaseNote(r.Id, r.CaseId, r.AuthorUserId, protector.Unprotect(r.BodyCipher, ProtectedColumns.CaseNoteBody.At(r.Id)), r.CreatedAt)
            : null;

    public async Task<IReadOnlyList<CaseNote>> ReadByCaseAsync(DbSession session, Guid caseId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<CaseNoteRow>("CaseNotes_ReadByCase", new { CaseId = caseId }, cancellationToken))
            .Select(r => new CaseNote(r.Id, r.CaseId, r.AuthorUserId, protector.Unprotect(r.BodyCipher, ProtectedColumns.CaseNoteBody.At(r.Id)), r.CreatedAt))
            .AsList();

    private sealed record CaseNoteRow
    {
        public Guid Id { get; init; }
        public Guid CaseId { get; init; }
        public Guid AuthorUserId { get; init; }
        public string BodyCipher { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}
