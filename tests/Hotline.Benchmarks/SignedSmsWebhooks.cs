namespace Hotline.Benchmarks;

/// <summary>One inbound SMS webhook as Twilio would post it: the form body's exact bytes and their signature.</summary>
internal sealed record SignedSmsWebhook(string MessageSid, byte[] Body, string Signature);

/// <summary>
/// Makes inbound SMS webhooks signed the way Twilio signs them: base64(HMAC-SHA1(auth token, URL + every
/// field's name and value, sorted by name)). Written here rather than borrowed from the product, so the
/// product's validator is checked against an independent signer.
/// </summary>
internal sealed class SignedSmsWebhooks : IInboundTraffic
{
    public const string Path = "/twilio/sms";
    public const string SignatureHeader = "X-Twilio-Signature";
    /// <summary>The hotline's number the messages are sent to.</summary>
    public const string To = "+15005550006";

    // Realistic first messages to a hotline; none is a keyword (STOP, HELP, START) on its own.
    private static readonly string[] Bodies =
    [
        "Hello, I need help. My employer took my passport.",
        "We work 16 hours a day and have no day off.",
        "Is this number safe to text?",
        "मलाई मद्दत चाहिन्छ। मेरो राहदानी मालिकले राखेको छ।",
        "हामीलाई तीन महिनादेखि तलब दिइएको छैन।",
        "म कोठाबाट बाहिर जान पाउँदिन।",
        "मुझे मदद चाहिए, मालिक वेतन नहीं दे रहा है।",
        "আমার পাসপোর্ট নিয়ে গেছে, সাহায্য করুন।",
        "أحتاج مساعدة، صاحب العمل أخذ جوازي",
        "Tulong po, hindi kami pinapayagang lumabas.",
        "Saya tidak digaji sudah dua bulan.",
    ];

    private readonly byte[] _authToken;
    private readonly string _url;
    private readonly string _accountSid;
    private readonly string[] _senders;
    private readonly PhotoMessages? _photos;

    public SignedSmsWebhooks(string authToken, string publicBaseUrl, int senderCount, int seed, PhotoMessages? photos = null)
    {
        _photos = photos;
        _authToken = Encoding.UTF8.GetBytes(authToken);
        _url = publicBaseUrl.TrimEnd('/') + Path;
        var random = new Random(seed);
        var anyAccount = "AC" + RandomHex(random);
        // With a Twilio stand-in, the webhooks must name the account the hotline is configured with.
        _accountSid = photos?.AccountSid ?? anyAccount;
        // Nepali mobile numbers (98 and eight digits), distinct, so every one is its own conversation.
        var numbers = new HashSet<string>();
        while (numbers.Count < senderCount)
        {
            numbers.Add($"+97798{random.Next(100_000_000):D8}");
        }

        _senders = [.. numbers];
    }

    public int SenderCount => _senders.Length;

    public IReadOnlyList<string> Senders => _senders;

    /// <summary>
    /// A new message (a fresh MessageSid) from one of the senders, chosen at random; with <see cref="PhotoMessages"/>,
    /// a share of them are MMS carrying a photo that the Twilio stand-in serves.
    /// </summary>
    public SignedSmsWebhook Next(Random random)
    {
        var sender = _senders[random.Next(_senders.Length)];
        var text = Bodies[random.Next(Bodies.Length)];
        if (_photos?.NextCarriesPhoto() != true)
        {
            return From(sender, text, random);
        }

        var fields = Fields(sender, text, "MM" + RandomHex(random));
        fields["NumMedia"] = "1";
        fields["MediaUrl0"] = _photos.Attach(fields["MessageSid"]);
        fields["MediaContentType0"] = PhotoMessages.ContentType;
        return Sign(fields);
    }

    public string Describe() => $"{_senders.Length:N0} people writing one of {Bodies.Length} first messages again and again, none answering the intake";

    /// <summary>One sender's next message (a fresh MessageSid), for a benchmark that plays whole conversations.</summary>
    public SignedSmsWebhook From(string sender, string text, Random random) => Sign(Fields(sender, text, "SM" + RandomHex(random)));

    private SortedDictionary<string, string> Fields(string sender, string text, string messageSid) => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = _accountSid,
        ["Body"] = text,
        ["From"] = sender,
        ["MessageSid"] = messageSid,
        ["NumMedia"] = "0",
        ["To"] = To,
    };

    private SignedSmsWebhook Sign(SortedDictionary<string, string> fields)
    {
        var signed = new StringBuilder(_url);
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            signed.Append(name).Append(value);
            body.Append(body.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var signature = Convert.ToBase64String(HMACSHA1.HashData(_authToken, Encoding.UTF8.GetBytes(signed.ToString())));
        return new SignedSmsWebhook(fields["MessageSid"], Encoding.ASCII.GetBytes(body.ToString()), signature);
    }

    private static string RandomHex(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
