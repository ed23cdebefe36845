namespace Hotline.Api.Quarantine;

/// <summary>
/// The failures that mean a stored row cannot be read, as opposed to a bug or an outage: a ciphertext that does
/// not decrypt (<see cref="CryptographicException"/>, which <see cref="Privacy.FieldProtector"/> also throws for a
/// value not in the protected form), and text that does not parse (<see cref="JsonException"/>,
/// <see cref="FormatException"/>). Nothing else is caught as a poison row.
/// </summary>
public static class UnreadableRow
{
    /// <summary>The quarantine reason for <paramref name="exception"/>, or null when it is not a row that cannot be read.</summary>
    public static string? Reason(Exception exception) => exception switch
    {
        CryptographicException => QuarantineReasons.Undecryptable,
        JsonException or FormatException => QuarantineReasons.Unparseable,
        _ => null,
    };
}
