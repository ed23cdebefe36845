using System.Collections.Frozen;

namespace Hotline.Bot.ActivityProtocol;

/// <summary>
/// The first words a person sees when they open a chat with the hotline, in the language their chat client
/// reports (the activity's locale), English when it reports none the hotline speaks. The wording is neutral
/// on purpose: it names no organisation and no subject, so a screen read over a shoulder reveals nothing.
/// The translations have not yet been reviewed by native speakers.
/// </summary>
public static class ChatWelcome
{
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Hello. You can write here in your own language whenever you are ready.",
        ["ar"] = "مرحبًا. يمكنك الكتابة هنا بلغتك متى كنت مستعدًا.",
        ["hi"] = "नमस्ते। जब आप तैयार हों, यहाँ अपनी भाषा में लिख सकते हैं।",
        ["ur"] = "السلام علیکم۔ جب آپ تیار ہوں، یہاں اپنی زبان میں لکھ سکتے ہیں۔",
        ["bn"] = "নমস্কার। আপনি প্রস্তুত হলে এখানে নিজের ভাষায় লিখতে পারেন।",
        ["ne"] = "नमस्ते। तपाईं तयार हुँदा यहाँ आफ्नै भाषामा लेख्न सक्नुहुन्छ।",
        ["ml"] = "നമസ്കാരം. തയ്യാറാകുമ്പോൾ ഇവിടെ നിങ്ങളുടെ ഭാഷയിൽ എഴുതാം.",
        ["ta"] = "வணக்கம். நீங்கள் தயாரானதும் இங்கே உங்கள் மொழியில் எழுதலாம்.",
        ["te"] = "నమస్కారం. మీరు సిద్ధంగా ఉన్నప్పుడు ఇక్కడ మీ భాషలో రాయవచ్చు.",
        ["si"] = "ආයුබෝවන්. ඔබ සූදානම් වූ විට මෙහි ඔබේ භාෂාවෙන් ලියන්න පුළුවන්.",
        ["fil"] = "Kumusta. Maaari kang sumulat dito sa sarili mong wika kapag handa ka na.",
        ["id"] = "Halo. Anda dapat menulis di sini dalam bahasa Anda sendiri kapan pun Anda siap.",
        ["am"] = "ሰላም። ዝግጁ ሲሆኑ እዚህ በራስዎ ቋንቋ መጻፍ ይችላሉ።",
        ["sw"] = "Habari. Unaweza kuandika hapa kwa lugha yako mwenyewe ukiwa tayari.",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Older or alternative primary subtags that mean one of the languages above.</summary>
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["tl"] = "fil",
        ["in"] = "id",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Languages => Texts.Keys;

    /// <summary>The language of the welcome for a BCP-47 locale such as "ne-NP": its primary subtag when the hotline speaks it.</summary>
    public static string LanguageFor(string? locale)
    {
        var primary = locale?.Split('-', 2)[0] ?? "";
        primary = Aliases.GetValueOrDefault(primary, primary);
        return Texts.ContainsKey(primary) ? primary.ToLowerInvariant() : DefaultLanguage;
    }

    public static string TextFor(string? locale) => Texts[LanguageFor(locale)];
}
