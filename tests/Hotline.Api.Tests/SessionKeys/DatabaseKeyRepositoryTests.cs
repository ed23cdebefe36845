using System.Xml.Linq;
using Hotline.Api.SessionKeys;

namespace Hotline.Api.Tests.SessionKeys;

public sealed class DatabaseKeyRepositoryTests
{
    [Theory, DatabaseData]
    public async Task A_started_host_has_made_the_rings_first_key_and_reads_it_back(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);

        var element = Assert.Single(hotline.Get<DatabaseKeyRepository>().GetAllElements());

        Assert.Equal("key", element.Name.LocalName);
        Assert.Equal("AES_256_CBC", element.Descendants("encryption").Single().Attribute("algorithm")!.Value);
    }

    [Theory, DatabaseData]
    public async Task An_element_is_stored_once_by_name_and_the_first_one_stored_is_kept(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        var repository = hotline.Get<DatabaseKeyRepository>();

        repository.StoreElement(new XElement("revocation", new XElement("reason", "first")), "revocation-20261127T100000Z");
        repository.StoreElement(new XElement("revocation", new XElement("reason", "second")), "revocation-20261127T100000Z");

        Assert.Equal(["first"], repository.GetAllElements().Where(e => e.Name == "revocation").Select(e => e.Element("reason")!.Value));
    }

    [Fact]
    public async Task A_ring_moved_to_another_row_does_not_decrypt()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        await hotline.ExecuteAsync("UPDATE DataProtectionKeys SET Id = '00000000-0000-0000-0000-000000000001'");

        var refused = Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => hotline.Get<DatabaseKeyRepository>().GetAllElements());

        Assert.Contains("DataProtectionKeys.Xml of row 00000000-0000-0000-0000-000000000001", refused.Message, StringComparison.Ordinal);
    }
}
