namespace Hotline.Api.Tests.Privacy;

/// <summary>A stored value only decrypts in the row it was written for: someone with write access to the database cannot move it.</summary>
public sealed class RowBindingTests
{
    [Fact]
    public async Task A_note_copied_over_another_note_does_not_decrypt_and_the_refusal_names_the_table_column_and_row()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var queued = await hotline.QueueCaseAsync("ne", PriorityBand.High, "documents_retained");
        var notes = hotline.Get<CaseNoteRepository>();
        CaseNote secret, other;
        await using (var session = await hotline.Database.BeginWriteAsync(Ct))
        {
            secret = await notes.AddAsync(session, queued.Id, caseworker.Id, "She hides at her cousin's in Al Khor", Ct);
            other = await notes.AddAsync(session, queued.Id, caseworker.Id, "Called back, no answer", Ct);
            await session.CommitAsync(Ct);
        }

        await hotline.ExecuteAsync(
            $"UPDATE CaseNotes SET BodyCipher = (SELECT BodyCipher FROM CaseNotes WHERE Id = '{secret.Id}') WHERE Id = '{other.Id}'");

        await using var reader = await hotline.Database.OpenAsync(Ct);
        var error = await Assert.ThrowsAnyAsync<CryptographicException>(() => notes.FindByIdAsync(reader, other.Id, Ct));
        Assert.Equal($"CaseNotes.Body of row {other.Id}: the value does not decrypt under key 'test1': "
            + "it was altered, or moved here from another row or column.", error.Message);
    }
}
