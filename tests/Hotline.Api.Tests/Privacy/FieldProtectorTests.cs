using System.Security.Cryptography;
using Hotline.Api.Privacy;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Tests.Privacy;

public sealed class FieldProtectorTests
{
    [Fact]
    public void A_protected_value_reads_back_as_written()
    {
        var protector = TestKeys.Protector();

        Assert.Equal("ठीक छ, म सुरक्षित छु 🙏", protector.Unprotect(protector.Protect("ठीक छ, म सुरक्षित छु 🙏", "Messages.Body"), "Messages.Body"));
    }

    [Fact]
    public void A_protected_value_is_marked_with_its_key_id()
    {
        Assert.StartsWith("hl1:test1:", TestKeys.Protector().Protect("hello", "Messages.Body"));
    }

    [Fact]
    public void The_same_text_encrypts_differently_each_time()
    {
        var protector = TestKeys.Protector();

        Assert.NotEqual(protector.Protect("help me", "Messages.Body"), protector.Protect("help me", "Messages.Body"));
    }

    [Fact]
    public void A_value_copied_into_another_column_does_not_decrypt()
    {
        var protector = TestKeys.Protector();
        var body = protector.Protect("+9779812345678", "Messages.Body");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(body, "Conversations.Address"));
    }

    [Fact]
    public void A_tampered_value_does_not_decrypt()
    {
        var protector = TestKeys.Protector();
        var stored = protector.Protect("help me", "Messages.Body");
        var tampered = stored[..^4] + (stored[^4] == 'A' ? 'B' : 'A') + stored[^3..];

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, "Messages.Body"));
    }

    [Fact]
    public void Values_under_a_retired_key_still_decrypt_after_rotation()
    {
        var before = TestKeys.Options("k1");
        var stored = new FieldProtector(Options.Create(before)).Protect("old secret", "CaseNotes.Body");
        var after = TestKeys.Options("k2");
        after.Keys["k1"] = before.Keys["k1"];
        var rotated = new FieldProtector(Options.Create(after));

        Assert.Equal(("old secret", true), (rotated.Unprotect(stored, "CaseNotes.Body"), rotated.NeedsRotation(stored)));
    }

    [Fact]
    public void A_value_under_an_unknown_key_is_refused_with_the_key_id()
    {
        var stored = new FieldProtector(Options.Create(TestKeys.Options("gone"))).Protect("x", "Messages.Body");

        var error = Assert.ThrowsAny<CryptographicException>(() => TestKeys.Protector().Unprotect(stored, "Messages.Body"));
        Assert.Contains("'gone'", error.Message);
    }
}
