namespace Hotline.Bot.Tests.Intake.Support;

/// <summary>
/// Seeded text that a phone, a broken client or a hostile sender might produce: every script of the intake,
/// CJK, emoji, combining marks, direction overrides, zero-width marks, controls, lone surrogates,
/// noncharacters, digits of many scripts; empty, one letter or 10,000 characters.
/// </summary>
internal static class RandomText
{
    private static readonly (int From, int To)[] Ranges =
    [
        (0x20, 0x7E), (0x20, 0x7E), (0xA0, 0x24F), (0x600, 0x6FF), (0x900, 0x97F), (0x980, 0x9FF), (0xB80, 0xBFF),
        (0xC00, 0xC7F), (0xD00, 0xDFF), (0x1200, 0x137F), (0x4E00, 0x4FFF), (0x300, 0x36F), (0x200B, 0x200F),
        (0x202A, 0x202E), (0x2066, 0x2069), (0x0, 0x1F), (0xD800, 0xDFFF), (0xFFF0, 0xFFFF), (0xE000, 0xE0FF),
        (0x660, 0x669), (0x966, 0x96F), (0x9E6, 0x9EF), (0x1369, 0x1371), (0x2000, 0x206F),
    ];

    public static string Next(Random random)
    {
        var roll = random.Next(100);
        var length = roll switch
        {
            < 4 => 0,
            < 7 => 10_000,
            < 15 => random.Next(200, 2_000),
            _ => random.Next(1, 40),
        };
        var text = new StringBuilder(length + 2);
        while (text.Length < length)
        {
            if (random.Next(8) == 0)
            {
                text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)));
                continue;
            }

            var (from, to) = Ranges[random.Next(Ranges.Length)];
            text.Append((char)random.Next(from, to + 1));
        }

        return text.ToString();
    }
}
