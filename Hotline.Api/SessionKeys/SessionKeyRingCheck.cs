using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Api.SessionKeys;

/// <summary>
/// Run at every start, while the start holds the migration lock. A ring that does not decrypt with the configured
/// privacy keys stops the start: Data Protection would otherwise make a new ring beside it and sign everyone out.
/// On a new database the first instance makes the ring's first key here, so instances starting together find that
/// one key instead of each making its own (an instance that cached only its own key would refuse the others' cookies).
/// </summary>
public sealed class SessionKeyRingCheck(DatabaseKeyRepository repository, IDataProtectionProvider dataProtection)
{
    private const string Purpose = "Hotline.SessionKeys.StartCheck";

    public Task CheckAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            _ = repository.GetAllElements();
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"The session key ring in the database does not decrypt with the configured privacy keys ({ex.Message}) "
                + "Configure the privacy key it was sealed with (Hotline:Privacy:Keys); starting with a new ring would sign everyone out.", ex);
        }

        _ = dataProtection.CreateProtector(Purpose).Protect([1]);
        return Task.CompletedTask;
    }
}
