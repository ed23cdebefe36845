namespace Hotline.Bot.Tests.ActivityProtocol;

public sealed class ActivityRulesTests
{
    private const string Message = """
        {"type":"message","id":"a1","channelId":"webchat","serviceUrl":"https://webchat.botframework.com/",
         "from":{"id":"u1","name":"U"},"recipient":{"id":"bot"},"conversation":{"id":"c1"},"text":"hi","locale":"ne-NP",
         "attachments":[{"contentType":"image/png","contentUrl":"https://cdn.example/a.png"},{"contentType":"image/png","contentUrl":"data:image/png;base64,AA=="}]}
        """;

    [Fact]
    public void A_complete_message_reads_into_a_received_activity()
    {
        Assert.True(ActivityReader.TryRead(Encoding.UTF8.GetBytes(Message), out var activity, out _));

        Assert.Equal(("message", "a1", "webchat", "u1", "bot", "c1", "hi", "ne-NP"),
            (activity.Type, activity.Id, activity.ChannelId, activity.From.Id, activity.Recipient!.Id, activity.ConversationId, activity.Text, activity.Locale));
    }

    [Fact]
    public void Only_https_attachment_links_are_kept()
    {
        ActivityReader.TryRead(Encoding.UTF8.GetBytes(Message), out var activity, out _);

        Assert.Equal("https://cdn.example/a.png", Assert.Single(activity.Attachments).Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5238/simulator/chat/connector", true)]
    [InlineData("http://connector.example.net/", false)]
    [InlineData("https://user:pass@connector.example.net/", false)]
    [InlineData("https://connector.example.net/?x=1", false)]
    [InlineData("ftp://connector.example.net/", false)]
    [InlineData("/relative", false)]
    public void A_service_url_must_be_https_except_on_a_loopback_address(string url, bool allowed) =>
        Assert.Equal(allowed, ActivityRules.TryServiceUrl(url, out _, out _));

    [Fact]
    public void A_user_id_too_long_to_store_is_refused()
    {
        var json = Message.Replace("\"id\":\"u1\"", $"\"id\":\"{new string('u', ActivityRules.MaxUserIdBytes + 1)}\"", StringComparison.Ordinal);

        Assert.False(ActivityReader.TryRead(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains("from.id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_person_is_addressed_by_channel_and_user_id() =>
        Assert.Equal("msteams:29:1abc", ReceivedActivity.UserKey("msteams", "29:1abc"));
}
