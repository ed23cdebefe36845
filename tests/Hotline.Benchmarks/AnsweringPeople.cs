namespace Hotline.Benchmarks;

/// <summary>
/// People who answer the intake (<see cref="SimulatedPerson"/>: some say it is not safe and stop, some write an urgent
/// message, most answer every question), as many at once as a surge would bring: each writes their next message when
/// their turn comes round, so at 2,000 messages/s each of 20,000 people writes about every 10 s, as a person reading
/// each reply does (10 to 30 s in <see cref="IntakeFlowBenchmark"/>). A person who has said all they have to say is
/// replaced by a new one with a number of their own. The traffic of <see cref="SignedSmsWebhooks"/> is the other kind:
/// 5,000 people who write first messages again and again and never answer, so that most of them are soon waiting in
/// a case asked whether it is safe to write.
/// </summary>
internal sealed class AnsweringPeople(SignedSmsWebhooks signer, int seed) : IInboundTraffic
{
    public const string Flag = "--people";
    public const int AtOnce = 20_000;

    private readonly Lock _gate = new();
    private readonly Random _draw = new(seed);
    private readonly HashSet<string> _numbers = [];
    private readonly Queue<Writer> _turns = new();
    private int _finished;

    public SignedSmsWebhook Next(Random random)
    {
        string sender;
        string text;
        lock (_gate)
        {
            var writer = _turns.Count < AtOnce ? NewWriter() : _turns.Dequeue();
            sender = writer.Number;
            text = writer.Person.Messages[writer.Sent++];
            if (writer.Sent < writer.Person.Messages.Count)
            {
                _turns.Enqueue(writer);
            }
            else
            {
                _finished++;
                _turns.Enqueue(NewWriter());
            }
        }

        return signer.From(sender, text, random);
    }

    public string Describe()
    {
        lock (_gate)
        {
            return $"{_numbers.Count:N0} people answering the intake ({AtOnce:N0} writing at once, each in turn), {_finished:N0} of them said all they had to say";
        }
    }

    private Writer NewWriter()
    {
        string number;
        do
        {
            number = $"+97798{_draw.Next(100_000_000):D8}";
        }
        while (!_numbers.Add(number));

        return new Writer(number, SimulatedPerson.Draw(_draw));
    }

    private sealed class Writer(string number, SimulatedPerson person)
    {
        public string Number { get; } = number;
        public SimulatedPerson Person { get; } = person;
        public int Sent { get; set; }
    }
}
