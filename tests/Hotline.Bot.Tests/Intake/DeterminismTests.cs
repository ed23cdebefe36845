namespace Hotline.Bot.Tests.Intake;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_snapshot_and_message_give_the_same_turn()
    {
        var snapshot = AtFirstQuestion("ml").Snapshot;
        var message = new InboundMessage("അതെ", 0, null, FakeHost.Epoch.AddHours(2));

        Assert.Equal(Describe(Engine.Handle(snapshot, message)), Describe(Engine.Handle(snapshot, message)));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Two_engines_replaying_the_same_conversation_produce_the_same_transcript(int seed)
    {
        Assert.Equal(Transcript(IntakeEngine.CreateDefault(), seed), Transcript(IntakeEngine.CreateDefault(), seed));
    }

    private static List<string> Transcript(IntakeEngine engine, int seed)
    {
        var random = new Random(seed);
        var host = new FakeHost(engine);
        var words = new[] { "hello", "1", "2", "yes", "no", "recipe", "language", "5", "Dubai" };
        return Enumerable.Range(0, 200)
            .Select(i => i % 17 == 0 ? host.Tick(TimeSpan.FromMinutes(40)) : host.Send(random.Next(4) == 0 ? RandomText.Next(random) : words[random.Next(words.Length)]))
            .Select(Describe)
            .ToList();
    }
}
