namespace Hotline.Bot.Tests.ActivityProtocol;

public sealed class ReplyActivityTests
{
    private static readonly ReplyAddress Address = new(
        new Uri("https://smba.trafficmanager.net/emea/"), "msteams", "a:1X|y;messageid=9", new ChatParty("28:bot", "Bot"),
        new ChatParty("29:user", "User"), "1234|0005", "bn-BD");

    [Fact]
    public void The_reply_url_escapes_the_conversation_and_activity_ids() =>
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1X%7Cy%3Bmessageid%3D9/activities/1234%7C0005",
            Address.ReplyUrl().AbsoluteUri);

    [Fact]
    public void The_reply_swaps_from_and_recipient_and_threads_on_the_activity()
    {
        var json = JsonNode.Parse(ReplyActivity.Create(Address, "text").ToUtf8Json())!;

        Assert.Equal(("28:bot", "29:user", "1234|0005", "bn-BD", "plain"),
            ((string?)json["from"]!["id"], (string?)json["recipient"]!["id"], (string?)json["replyToId"], (string?)json["locale"], (string?)json["textFormat"]));
    }
}
