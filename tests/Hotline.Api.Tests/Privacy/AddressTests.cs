namespace Hotline.Api.Tests.Privacy;

public sealed class AddressTests
{
    [Theory]
    [InlineData("+977 981-2345678", null)]
    [InlineData("00977 9812345678", "GB")]
    [InlineData("9812345678", "NP")]
    public void Phone_numbers_in_any_common_notation_normalise_to_E164(string raw, string? region)
    {
        Assert.True(ChannelAddress.TryPhone(Channel.Sms, raw, region, out var address, out _));
        Assert.Equal("+9779812345678", address.Value);
    }

    [Theory]
    [InlineData("9812345678", "the phone number has no valid country code")]
    [InlineData("not a number", "the phone number does not parse")]
    [InlineData("+97798", "the phone number has the wrong number of digits")]
    [InlineData("", "the phone number is empty or too long")]
    public void A_number_that_cannot_be_normalised_is_refused_with_the_reason(string raw, string reason)
    {
        Assert.False(ChannelAddress.TryPhone(Channel.Sms, raw, null, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void The_same_number_written_two_ways_has_one_lookup_hash()
    {
        ChannelAddress.TryPhone(Channel.Sms, "+977 981 234 5678", null, out var spaced, out _);
        ChannelAddress.TryPhone(Channel.Sms, "9812345678", "NP", out var national, out _);

        Assert.Equal(TestKeys.Hasher().Hash(spaced), TestKeys.Hasher().Hash(national));
    }

    [Fact]
    public void The_lookup_hash_depends_on_the_key()
    {
        var address = new ChannelAddress(Channel.Sms, "+9779812345678");
        var otherKey = TestKeys.Options();
        otherKey.LookupKey = TestKeys.NewKey();

        Assert.NotEqual(TestKeys.Hasher().Hash(address), new AddressHasher(Options.Create(otherKey)).Hash(address));
    }

    [Fact]
    public void The_lookup_hash_does_not_contain_the_number()
    {
        Assert.DoesNotContain("9812345678", TestKeys.Hasher().Hash(new ChannelAddress(Channel.Sms, "+9779812345678")));
    }

    [Fact]
    public void An_address_never_prints_its_value()
    {
        Assert.DoesNotContain("981", new ChannelAddress(Channel.WhatsApp, "+9779812345678").ToString());
    }
}
