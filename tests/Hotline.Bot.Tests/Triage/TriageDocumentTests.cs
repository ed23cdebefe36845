namespace Hotline.Bot.Tests.Triage;

public sealed class TriageDocumentTests
{
    [Fact]
    public void The_supervisors_document_shows_the_table_the_engine_runs()
    {
        var document = File.ReadAllText(Path.Combine(IntakeCorpus.RepositoryRoot(), "docs", "intake", "triage.md")).ReplaceLineEndings("\n");

        Assert.Contains(TriageTableMarkdown.Render(TriageRules.LoadDefault()), document, StringComparison.Ordinal);
    }
}
