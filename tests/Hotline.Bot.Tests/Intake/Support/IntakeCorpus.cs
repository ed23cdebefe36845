namespace Hotline.Bot.Tests.Intake.Support;

/// <summary>One realistic reply of the corpus: where it is (language file and line), the question it answers, and how it must be read.</summary>
public sealed record CorpusLine(string Language, int Line, string Step, string Reading, string Text);

/// <summary>
/// The corpus of realistic replies, one file per language in tests/Hotline.Bot.Tests/Intake/Corpus (see its
/// README), read from the source tree so that the Bot and Api tests share one copy.
/// </summary>
public static class IntakeCorpus
{
    public static readonly IReadOnlyList<string> Readings = ["yes", "no", "unclear", "stop", "person", "distress"];

    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "tests", "Hotline.Bot.Tests", "Intake", "Corpus");

    public static IReadOnlyList<CorpusLine> Lines { get; } = Read();

    private static List<CorpusLine> Read()
    {
        var lines = new List<CorpusLine>();
        foreach (var file in Directory.GetFiles(Folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file);
            var number = 0;
            foreach (var line in File.ReadAllLines(file))
            {
                number++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var columns = line.Split('\t');
                if (columns.Length != 3 || !Readings.Contains(columns[1]))
                {
                    throw new InvalidDataException($"{file}:{number}: expected 'step<TAB>reading<TAB>text' with a reading of {string.Join(", ", Readings)}");
                }

                lines.Add(new CorpusLine(language, number, columns[0], columns[1], columns[2]));
            }
        }

        return lines;
    }

    /// <summary>The clone's root folder (where Hotline.sln is), for tests that read the repository's own files.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotline.sln not found above " + AppContext.BaseDirectory);
    }
}
