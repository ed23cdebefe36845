using Hotline.Bot.Triage;

namespace Hotline.Bot.Tests.Triage;

public sealed class TriageDocumentTests
{
    [Fact]
    public void The_supervisors_document_shows_the_table_the_engine_runs()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "intake", "triage.md")).ReplaceLineEndings("\n");

        Assert.Contains(TriageTableMarkdown.Render(TriageRules.LoadDefault()), document, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
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
