using Hotline.Bot.CannedReplies;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Tests.Translations;

/// <summary>
/// A caseworker's reply asks whether it is safe to write when it holds the words of the canned reply or of the intake's own
/// question, in any language, as shipped or as any correction made them, alone or inside a message of hers. Her own wording
/// of it is not recognised.
/// </summary>
public sealed class SafetyQuestionWordingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Is it safe for you to write now?")]
    [InlineData("is it safe for you to write now")]
    [InlineData("Hello, I am here to help.  Is it SAFE for you to write now? Reply yes or no.")]
    [InlineData("के अहिले तपाईंलाई लेख्न सुरक्षित छ?")]
    [InlineData("Je, ni salama kwako kuandika sasa?")]
    [InlineData("के अहिले लेख्न सुरक्षित छ? हो भए 1, होइन भए 2 पठाउनुहोस्। मान्छेसँग कुरा गर्न जुनसुकै बेला 0 पठाउनुहोस्।")]
    public void The_canned_reply_or_the_intakes_question_in_any_language_asks_it(string reply) =>
        Assert.True(Book().SafetyQuestion.IsAskedIn(reply));

    [Theory]
    [InlineData("Are you safe?")]
    [InlineData("Is it safe for you to talk now?")]
    [InlineData("Is it safe for you")]
    [InlineData("Can you tell me where you are?")]
    [InlineData("")]
    public void Other_words_do_not(string reply) => Assert.False(Book().SafetyQuestion.IsAskedIn(reply));

    /// <summary>A console loaded before a correction still offers the words it had: every wording up to the version asks it.</summary>
    [Fact]
    public void Each_corrected_wording_asks_it_and_so_do_those_it_replaced()
    {
        var book = Book(
            new TranslationRevision(1, "sw", TranslationKinds.CannedReply, "safe_to_write", "Je, ni salama kuandika sasa?", "reviewer-sw", At),
            new TranslationRevision(2, "sw", TranslationKinds.CannedReply, "safe_to_write", "Je, ni salama kutuma ujumbe sasa?", "reviewer-sw", At));

        Assert.True(book.SafetyQuestion.IsAskedIn("Je, ni salama kwako kuandika sasa?"));
        Assert.True(book.SafetyQuestion.IsAskedIn("Je, ni salama kuandika sasa?"));
        Assert.True(book.SafetyQuestion.IsAskedIn("Je, ni salama kutuma ujumbe sasa?"));
    }

    private static TranslationBook Book(params TranslationRevision[] revisions) =>
        TranslationBook.Build(IntakeScript.LoadDefault(), CannedReplyCatalog.LoadDefault(), revisions.Length, revisions,
            (revision, reason) => Assert.Fail($"correction {revision.Id} left out: {reason}"));
}
