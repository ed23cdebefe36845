namespace Hotline.Bot.Tests.CannedReplies;

/// <summary>A reviewer's correction of a canned reply is checked as the reader checks the file, and for its writing system.</summary>
public sealed class CannedReplyRevisionTests
{
    private static readonly CannedReplyCatalog Shipped = CannedReplyCatalog.LoadDefault();
    private static readonly Dictionary<string, bool> NoReviews = [];

    private static string? WritingSystemOf(string language) => language == "ta" ? "Taml" : "Latn";

    [Fact]
    public void A_corrected_reply_replaces_the_shipped_text_and_the_review_state_follows()
    {
        var revised = Shipped.Revise(new Dictionary<TranslationKey, string> { [new("sw", "safe_to_write")] = "Je, ni salama kuandika sasa?" },
            new Dictionary<string, bool> { ["sw"] = true }, WritingSystemOf);

        var reply = revised.For("sw").Single(r => r.Id == "safe_to_write");
        Assert.Equal(("Je, ni salama kuandika sasa?", true), (reply.Text, reply.Reviewed));
    }

    [Fact]
    public void A_reply_with_a_placeholder_is_refused()
    {
        var refused = Assert.Throws<CannedReplyException>(() => Shipped.Revise(
            new Dictionary<TranslationKey, string> { [new("sw", "safe_to_write")] = "Piga {emergency_number}" }, NoReviews, WritingSystemOf));

        Assert.Equal(["reply 'safe_to_write': the text in 'sw' has a placeholder; canned replies are sent as written"], refused.Problems);
    }

    [Fact]
    public void A_reply_in_another_writing_system_is_refused()
    {
        var refused = Assert.Throws<CannedReplyException>(() => Shipped.Revise(
            new Dictionary<TranslationKey, string> { [new("ta", "safe_to_write")] = "Is it safe to write now?" }, NoReviews, WritingSystemOf));

        Assert.Equal(["reply 'safe_to_write': the text in 'ta' is not written in the Tamil script: 0 of its 18 letters are"], refused.Problems);
    }
}
