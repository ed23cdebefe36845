using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Hotline.Api.SessionKeys;

/// <summary>
/// Data Protection's key ring kept in the database (<c>DataProtectionKeys</c>), so every instance seals and opens
/// session cookies and antiforgery tokens with the same keys, and they outlive a restart or a new container. Each
/// element's whole XML (the key's secret and its dates alike) is sealed with the privacy keys, bound to its row,
/// so that <c>keys rotate</c> reaches it like any other encrypted column. Data Protection calls this synchronously
/// and rarely (at start, once a day, when it makes a key), so it runs on a <see cref="SynchronousSession"/>.
/// </summary>
/// <remarks>
/// Data Protection builds its key manager, and so this repository, as soon as anything resolves antiforgery (the
/// middleware does while the app is wired, before the start checks): the database and the protector are resolved at
/// first use instead, so a bad database or privacy setting still stops the start with its own one line.
/// </remarks>
public sealed class DatabaseKeyRepository(IServiceProvider services, TimeProvider time) : IXmlRepository
{
    private Database Database => services.GetRequiredService<Database>();

    private FieldProtector Protector => services.GetRequiredService<FieldProtector>();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = Database.OpenSynchronous();
        return [.. session.Query<StoredKeyElement>("DataProtectionKeys_ReadAll", null).Select(Open)];
    }

    /// <summary>Stored once per name: an element another instance stored first under the same name is kept, not replaced.</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        var id = RowIds.Version7(time.GetUtcNow());
        var xml = element.ToString(SaveOptions.DisableFormatting);
        using var session = Database.OpenSynchronous();
        session.Execute("DataProtectionKeys_Create", new
        {
            Id = id,
            FriendlyName = friendlyName,
            XmlCipher = Protector.Protect(xml, ProtectedColumns.DataProtectionKeyXml.At(id)),
            CreatedAt = time.GetUtcNow(),
        });
    }

    private XElement Open(StoredKeyElement stored) =>
        XElement.Parse(Protector.Unprotect(stored.XmlCipher, ProtectedColumns.DataProtectionKeyXml.At(stored.Id)));

    private sealed record StoredKeyElement(Guid Id, string FriendlyName, string XmlCipher);
}
