using System.Runtime.CompilerServices;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// Whole conversations, word for word, checked into <c>Golden/transcript.{language}.txt</c>: what the person
/// sends, every reply the hotline gives and every event it records. A change to the wording or the flow shows
/// up as a diff a reviewer reads in that language. After an intended change, run the tests once with
/// <c>HOTLINE_UPDATE_GOLDEN=1</c> to rewrite the files, and review the diff before committing it.
/// </summary>
public sealed class GoldenTranscriptTests
{
    public const string UpdateVariable = "HOTLINE_UPDATE_GOLDEN";

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("ne")]
    public void A_whole_conversation_reads_as_its_golden_transcript(string language)
    {
        var file = GoldenFile(language);
        var transcript = Transcript(language);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(file, transcript, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        Assert.True(File.Exists(file), $"{file} is missing: run the tests with {UpdateVariable}=1 to write it.");
        Assert.Equal(File.ReadAllText(file, Encoding.UTF8).ReplaceLineEndings("\n"), transcript);
    }

    /// <summary>
    /// The language menu, a full intake in the language's own words, a message after the hand-off, the discreet
    /// word, writing again with a greeting in the language, STOP and START.
    /// </summary>
    private static string Transcript(string language)
    {
        var yes = Words(language).Yes[0];
        var no = Words(language).No[0];
        string[] inputs =
        [
            "...", MenuNumber(language), "1", no, yes, yes, "1", yes, "2", no, "1", "1", "2", "2", "Near the big mall, Al Quoz 3",
            "is anyone there?", "recipe", Words(language).Greeting[0], yes, "STOP", "hello?", "START",
        ];
        var host = new FakeHost(Engine);
        var text = new StringBuilder();
        foreach (var input in inputs)
        {
            var turn = host.Send(input);
            text.Append("> ").Append(input).Append('\n');
            foreach (var reply in turn.Replies)
            {
                text.Append("< ").Append(reply.Text.ReplaceLineEndings("\n< ")).Append('\n');
            }

            foreach (var engineEvent in turn.Events)
            {
                text.Append("  * ").Append(Describe(engineEvent)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string GoldenFile(string language, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden", $"transcript.{language}.txt");
}
