using OtpNet;

namespace Hotline.Api.Auth;

/// <summary>
/// TOTP (RFC 6238, Otp.NET) and recovery codes. The secret is stored encrypted with the privacy keys; a code
/// is good once (the last accepted time step is kept); the ten recovery codes are stored only as hashes and
/// each is spent by the write that accepts it.
/// </summary>
public sealed class TwoFactorStore(Database database, FieldProtector protector, TimeProvider time)
{
    public const int RecoveryCodeCount = 10;

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string AuthenticatorUri(string secret, string userName) =>
        $"otpauth://totp/Hotline:{Uri.EscapeDataString(userName)}?secret={secret}&issuer=Hotline&digits=6&period=30";

    public async Task<bool> IsEnrolledAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<string?>("Users_ReadTotpSecret", new { Id = userId }, cancellationToken) is not null;
    }

    /// <summary>Checks the first code from the new authenticator, then keeps the secret and ten new recovery codes together; null when the code is wrong or the user is already enrolled.</summary>
    public async Task<IReadOnlyList<string>?> EnrolAsync(Guid userId, string secret, string code, CancellationToken cancellationToken)
    {
        if (Step(secret, code) is not { } step)
        {
            return null;
        }

        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var enrolled = await session.ExecuteAsync("Users_SetTotpSecret",
            new { Id = userId, TotpSecret = protector.Protect(secret, ProtectedColumns.UserTotpSecret.At(userId)), Step = step }, cancellationToken);
        if (enrolled != 1)
        {
            return null;
        }

        foreach (var recoveryCode in codes)
        {
            await session.ExecuteAsync("RecoveryCodes_Create", new { UserId = userId, CodeHash = Hash(recoveryCode) }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return codes;
    }

    /// <summary>A six-digit code of the current time step (or one either side) not used before, or an unspent recovery code, which is spent.</summary>
    public async Task<bool> VerifyAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        code = code.Trim();
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
        {
            string? stored;
            await using (var session = await database.OpenAsync(cancellationToken))
            {
                stored = await session.QuerySingleOrDefaultAsync<string?>("Users_ReadTotpSecret", new { Id = userId }, cancellationToken);
            }

            return stored is not null && Step(protector.Unprotect(stored, ProtectedColumns.UserTotpSecret.At(userId)), code) is { } step
                && await database.WriteAsync((session, token) =>
                    session.ExecuteAsync("Users_AcceptTotpStep", new { Id = userId, Step = step }, token), cancellationToken) == 1;
        }

        return await database.WriteAsync((session, token) =>
            session.ExecuteAsync("RecoveryCodes_Spend", new { UserId = userId, CodeHash = Hash(code), Now = time.GetUtcNow() }, token), cancellationToken) == 1;
    }

    private long? Step(string secret, string code) =>
        new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(time.GetUtcNow().UtcDateTime, code.Trim(), out var step, VerificationWindow.RfcSpecifiedNetworkDelay)
            ? step
            : null;

    /// <summary>Sixteen random letters and digits (80 bits), shown in groups of four.</summary>
    private static string NewRecoveryCode()
    {
        var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(10));
        return string.Join('-', text.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>A recovery code has 80 random bits, so a plain SHA-256 cannot be reversed by guessing, unlike a password's.</summary>
    private static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())));
}
