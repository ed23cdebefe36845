namespace Hotline.Api.Tests.PhonesView;

[CollectionDefinition(nameof(PhoneViewHost))]
public sealed class PhoneViewCollection : ICollectionFixture<PhoneViewHost>;

[CollectionDefinition(nameof(CaseworkerViewHost))]
public sealed class CaseworkerViewCollection : ICollectionFixture<CaseworkerViewHost>;

/// <summary>A host of its own for scenarios with a caseworker: taking the next case must find theirs, not another scenario's.</summary>
public sealed class CaseworkerViewHost : PhoneViewHost
{
    /// <summary>
    /// Each scenario signs a caseworker of its own in through the real form, all from this one address: more than the
    /// product's 20 a minute per address once the scenarios run quickly, so that limit is lifted here (its own tests keep it).
    /// </summary>
    protected override Task<TwilioHarness> StartHarnessAsync() => TwilioHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Hotline:Auth:SignInsPerAddressPerMinute"] = "1000",
    });
}

/// <summary>
/// One host for the whole phone's-view suite: the real webhook, the outbox dispatcher and the Twilio stand-in.
/// Scenarios share it and keep apart by each using phone numbers of its own.
/// </summary>
public class PhoneViewHost : IAsyncLifetime
{
    private int _nextNumber;

    public TwilioHarness Harness { get; private set; } = null!;

    public static IntakeScript Script { get; } = IntakeScript.LoadDefault();

    public static IEnumerable<string> LanguageTags => Script.Languages.Select(l => l.Tag);

    public async ValueTask InitializeAsync() => Harness = await StartHarnessAsync();

    /// <summary>The harness the scenarios share; a host of other settings starts its own.</summary>
    protected virtual Task<TwilioHarness> StartHarnessAsync() => TwilioHarness.StartAsync();

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>A phone that has never written to the hotline.</summary>
    public Phone NewPhone()
    {
        var number = $"+4479460{Interlocked.Increment(ref _nextNumber):D5}";
        return new Phone(number, text => Harness.TextAsync(number, text), Harness.DispatchAllAsync,
            () => Harness.Twilio.Created.Where(m => m.To == number).Select(m => m.Body ?? ""));
    }

    /// <summary>A new phone whose first message ("👋", no language in it) gets the menu, and its answer picks <paramref name="language"/>.</summary>
    public async Task<Phone> NewPhoneInAsync(string language)
    {
        var phone = NewPhone();
        await phone.WriteAsync("👋", MenuNumber(language));
        return phone;
    }

    public static string MenuNumber(string language) =>
        (Script.Languages.Select(l => l.Tag).ToList().IndexOf(language) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs a scenario once per language, each on a phone of its own, and gathers the views under a heading per language.</summary>
    public static async Task<string> InEveryLanguageAsync(Func<string, Task<Phone>> scenario)
    {
        var views = new StringBuilder();
        foreach (var language in LanguageTags)
        {
            var phone = await scenario(language);
            views.Append("## ").AppendLine(language).Append(phone.View);
        }

        return views.ToString().ReplaceLineEndings("\n");
    }
}
