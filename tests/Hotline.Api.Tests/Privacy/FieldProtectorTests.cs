namespace Hotline.Api.Tests.Privacy;

public sealed class FieldProtectorTests
{
    private static readonly Guid RowA = Guid.Parse("0193a1b2-0000-7000-8000-00000000000a");
    private static readonly Guid RowB = Guid.Parse("0193a1b2-0000-7000-8000-00000000000b");

    [Fact]
    public void A_protected_value_reads_back_as_written()
    {
        var protector = TestKeys.Protector();

        Assert.Equal("ठीक छ, म सुरक्षित छु 🙏",
            protector.Unprotect(protector.Protect("ठीक छ, म सुरक्षित छु 🙏", ProtectedColumns.MessageBody.At(RowA)), ProtectedColumns.MessageBody.At(RowA)));
    }

    [Fact]
    public void A_protected_value_is_marked_with_the_bound_form_and_its_key_id()
    {
        Assert.StartsWith("hl2:test1:", TestKeys.Protector().Protect("hello", ProtectedColumns.MessageBody.At(RowA)));
    }

    [Fact]
    public void The_same_text_encrypts_differently_each_time()
    {
        var protector = TestKeys.Protector();

        Assert.NotEqual(protector.Protect("help me", ProtectedColumns.MessageBody.At(RowA)), protector.Protect("help me", ProtectedColumns.MessageBody.At(RowA)));
    }

    [Fact]
    public void A_value_copied_into_another_column_does_not_decrypt()
    {
        var protector = TestKeys.Protector();
        var body = protector.Protect("+9779812345678", ProtectedColumns.MessageBody.At(RowA));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(body, ProtectedColumns.ConversationAddress.At(RowA)));
    }

    [Fact]
    public void A_value_copied_into_another_row_does_not_decrypt_and_the_refusal_names_the_place_but_not_the_content()
    {
        var protector = TestKeys.Protector();
        var body = protector.Protect("my passport is with the employer", ProtectedColumns.CaseNoteBody.At(RowA));

        var error = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(body, ProtectedColumns.CaseNoteBody.At(RowB)));

        Assert.Equal("CaseNotes.Body of row 0193a1b2-0000-7000-8000-00000000000b: the value does not decrypt under key 'test1': "
            + "it was altered, or moved here from another row or column.", error.Message);
    }

    [Fact]
    public void A_refused_value_is_logged_as_an_error_with_its_table_column_and_row_and_without_its_content()
    {
        var logger = new FakeLogger<FieldProtector>();
        var protector = new FieldProtector(Options.Create(TestKeys.Options()), logger);
        var body = protector.Protect("my passport is with the employer", ProtectedColumns.CaseNoteBody.At(RowA));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(body, ProtectedColumns.CaseNoteBody.At(RowB)));

        Assert.Equal((LogLevel.Error, "A protected value was refused: CaseNotes.Body of row 0193a1b2-0000-7000-8000-00000000000b: "
            + "the value does not decrypt under key 'test1': it was altered, or moved here from another row or column."),
            (logger.LatestRecord.Level, logger.LatestRecord.Message));
    }

    [Fact]
    public void An_answer_does_not_decrypt_as_another_steps_answer()
    {
        var protector = TestKeys.Protector();
        var answer = protector.Protect("Doha, near the port", ProtectedColumns.AnswerTextOf(RowA, "where"));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(answer, ProtectedColumns.AnswerTextOf(RowA, "employer")));
    }

    [Fact]
    public void A_tampered_value_does_not_decrypt()
    {
        var protector = TestKeys.Protector();
        var stored = protector.Protect("help me", ProtectedColumns.MessageBody.At(RowA));
        var tampered = stored[..^4] + (stored[^4] == 'A' ? 'B' : 'A') + stored[^3..];

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, ProtectedColumns.MessageBody.At(RowA)));
    }

    [Fact]
    public void A_value_in_the_unbound_form_of_before_rows_were_bound_still_reads_in_any_row_of_its_column()
    {
        var stored = UnboundValue("old note", "CaseNotes.Body", TestKeys.Current, "test1");

        Assert.Equal("old note", TestKeys.Protector().Unprotect(stored, ProtectedColumns.CaseNoteBody.At(RowB)));
    }

    [Fact]
    public void A_value_in_the_unbound_form_needs_rotation_even_under_the_current_key()
    {
        Assert.True(TestKeys.Protector().NeedsRotation(UnboundValue("old note", "CaseNotes.Body", TestKeys.Current, "test1")));
    }

    [Fact]
    public void Values_under_a_retired_key_still_decrypt_after_rotation()
    {
        var before = TestKeys.Options("k1");
        var stored = TestKeys.Protector(before).Protect("old secret", ProtectedColumns.CaseNoteBody.At(RowA));
        var after = TestKeys.Options("k2");
        after.Keys["k1"] = before.Keys["k1"];
        var rotated = TestKeys.Protector(after);

        Assert.Equal(("old secret", true), (rotated.Unprotect(stored, ProtectedColumns.CaseNoteBody.At(RowA)), rotated.NeedsRotation(stored)));
    }

    [Fact]
    public void A_value_under_an_unknown_key_is_refused_with_the_key_id()
    {
        var stored = TestKeys.Protector(TestKeys.Options("gone")).Protect("x", ProtectedColumns.MessageBody.At(RowA));

        var error = Assert.ThrowsAny<CryptographicException>(() => TestKeys.Protector().Unprotect(stored, ProtectedColumns.MessageBody.At(RowA)));
        Assert.Contains("'gone'", error.Message);
    }

    [Fact]
    public void A_value_sealed_before_sealing_went_through_pooled_buffers_still_reads()
    {
        // Written by FieldProtector at ae21af0, when each value's bytes, associated data and base64 text were made apart.
        const string Stored = "hl2:fixture1:+0SKs8dIXrkL3NcVzQECyH1rv1yINcnP7UlHUwYx0cEnLGDtvlApb6kF+B885y+Y2q/45EMU5t+ic0f25HkTWcjA7ziPigbcH+aBCAs83lThIW4=";
        var options = new PrivacyOptions { CurrentKeyId = "fixture1" };
        options.Keys["fixture1"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        Assert.Equal("ठीक छ, म सुरक्षित छु 🙏", TestKeys.Protector(options).Unprotect(Stored, ProtectedColumns.MessageBody.At(RowA)));
    }

    [Fact]
    public void A_value_whose_place_is_longer_than_the_room_on_the_stack_reads_back_and_only_in_its_place()
    {
        var protector = TestKeys.Protector();
        var longColumn = new ProtectedColumn(new string('T', 300), "Body", "Body");
        var stored = protector.Protect("help", longColumn.At(RowA));

        Assert.Equal("help", protector.Unprotect(stored, longColumn.At(RowA)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored, longColumn.At(RowB)));
    }

    /// <summary>The form every value had before rows were bound: AES-GCM with only "Table.Column" as associated data.</summary>
    internal static string UnboundValue(string plaintext, string tableDotColumn, string base64Key, string keyId)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using var aes = new AesGcm(Convert.FromBase64String(base64Key), 16);
        aes.Encrypt(sealedBytes.AsSpan(0, 12), plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), Encoding.UTF8.GetBytes(tableDotColumn));
        return $"hl1:{keyId}:{Convert.ToBase64String(sealedBytes)}";
    }
}
