namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// The writing systems a script may declare (ISO 15924), with the Unicode blocks that identify them. A first
/// message in, say, Tamil letters picks Tamil without a menu; Arabic letters are shared by Arabic and Urdu,
/// so they pick nothing on their own.
/// </summary>
public static class WritingSystems
{
    private static readonly (string Code, char First, char Last)[] Blocks =
    [
        ("Arab", '\u0600', '\u06FF'),
        ("Arab", '\u0750', '\u077F'),
        ("Deva", '\u0900', '\u097F'),
        ("Beng", '\u0980', '\u09FF'),
        ("Taml", '\u0B80', '\u0BFF'),
        ("Telu", '\u0C00', '\u0C7F'),
        ("Mlym", '\u0D00', '\u0D7F'),
        ("Sinh", '\u0D80', '\u0DFF'),
        ("Ethi", '\u1200', '\u139F'),
    ];

    public static IReadOnlyList<string> Known { get; } = ["Latn", "Arab", "Deva", "Beng", "Taml", "Telu", "Mlym", "Sinh", "Ethi"];

    /// <summary>What a translator calls each writing system: refusals are read by them, not by developers.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Latn"] = "Latin", ["Arab"] = "Arabic", ["Deva"] = "Devanagari", ["Beng"] = "Bengali", ["Taml"] = "Tamil",
        ["Telu"] = "Telugu", ["Mlym"] = "Malayalam", ["Sinh"] = "Sinhala", ["Ethi"] = "Ethiopic (Ge'ez)",
    };

    /// <summary>
    /// Why a text is not written in <paramref name="script"/>, or null when it is: most of its letters are of that
    /// writing system, and none of another the script knows except Latin (a Hindi text may name "STOP"; accented
    /// Latin letters count as Latin). A text pasted into the wrong language, or left in English, is refused.
    /// </summary>
    public static string? Mismatch(string text, string script)
    {
        var letters = 0;
        var own = 0;
        foreach (var c in text.Where(char.IsLetter))
        {
            letters++;
            var system = c is >= '\u00C0' and <= '\u024F' ? "Latn" : OfFirstLetter([c]);
            if (system == script)
            {
                own++;
            }
            else if (system is not null and not "Latn")
            {
                return $"has letters of the {NameOf(system)} script; write it in the {NameOf(script)} script";
            }
        }

        return own * 2 > letters ? null : $"is not written in the {NameOf(script)} script: {own} of its {letters} letters are";
    }

    /// <summary>The writing system's name, or its code when a script declares one this table does not name.</summary>
    public static string NameOf(string script) => Names.GetValueOrDefault(script, script);

    /// <summary>The writing system of the first letter in the text, or null when it has none we know.</summary>
    public static string? OfFirstLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'))
            {
                return "Latn";
            }

            foreach (var (code, first, last) in Blocks)
            {
                if (c >= first && c <= last)
                {
                    return code;
                }
            }

            return null;
        }

        return null;
    }
}
