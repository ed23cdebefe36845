using System.Runtime.CompilerServices;

namespace Hotline.Api.Tests.PhonesView;

/// <summary>
/// An expected phone view checked in under <c>PhonesView/Golden</c>, one message a line. Run with
/// <c>HOTLINE_UPDATE_GOLDEN=1</c> to write what the phones received instead of comparing (then read the diff).
/// </summary>
public static class GoldenFile
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder(), "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("HOTLINE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run with HOTLINE_UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>Every golden file's text, for checks that look across all scenarios.</summary>
    public static IEnumerable<(string Name, string Text)> All() =>
        Directory.EnumerateFiles(Path.Combine(Folder(), "Golden"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path).ReplaceLineEndings("\n")));

    private static string Folder([CallerFilePath] string source = "") => Path.GetDirectoryName(source)!;
}
