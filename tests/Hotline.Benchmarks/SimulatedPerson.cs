namespace Hotline.Benchmarks;

/// <summary>
/// One person's messages through the default intake, drawn at random: how they open (a greeting that names
/// their language, or words that bring the language menu), their answers (now and then one the engine cannot
/// read, then a clear one), and for some an urgent message, first or in the middle. Message numbers are 1-based.
/// </summary>
internal sealed record SimulatedPerson(IReadOnlyList<string> Messages, int LanguageKnownAtMessage, bool NotSafe, int? UrgentAtMessage)
{
    private const double UrgentShare = 0.2;
    private const double UnclearShare = 0.05;
    private const int IndicatorQuestions = 9;

    private static readonly string[] Greetings = ["hello", "hi", "good morning"];
    private static readonly string[] Openings = ["I need advice about my job", "Is this the right number?", "Can I ask something"];
    private static readonly string[] Unclear = ["?", "what do you mean", "hmm"];
    private static readonly string[] Locations = ["Dubai", "Al Quoz", "Doha, Industrial Area", "Kuala Lumpur"];

    private static readonly string[] UrgentMessages =
    [
        "please help, my boss took my passport and they locked me in",
        "he beat me again last night",
        "I want to kill myself",
        "they keep a child here working",
        "mujhe maarta hai, please",
    ];

    public static SimulatedPerson Draw(Random random)
    {
        var messages = new List<string>();
        var urgent = random.NextDouble() < UrgentShare;
        // Where the urgent message comes: as the first message, or before the answer to one of the first questions.
        var urgentBefore = urgent ? random.Next(0, 5) : -1;
        var answered = 0;
        int? urgentAt = null;

        void Say(string text) => messages.Add(text);

        void Answer(string answer)
        {
            if (answered == urgentBefore && urgentAt is null)
            {
                Say(UrgentMessages[random.Next(UrgentMessages.Length)]);
                urgentAt = messages.Count;
            }

            // An urgent person is kept clear otherwise, so the urgent message is the one unclear reply at its question.
            if (!urgent && random.NextDouble() < UnclearShare)
            {
                Say(Unclear[random.Next(Unclear.Length)]);
            }

            Say(answer);
            answered++;
        }

        int languageKnown;
        if (urgentBefore == 0)
        {
            Say(UrgentMessages[0]);
            urgentAt = 1;
            Say("1");
            languageKnown = 2;
        }
        else if (random.NextDouble() < 0.5)
        {
            Say(Greetings[random.Next(Greetings.Length)]);
            languageKnown = 1;
        }
        else
        {
            Say(Openings[random.Next(Openings.Length)]);
            Say("1");
            languageKnown = 2;
        }

        answered = 1;
        var notSafe = random.NextDouble() < 0.1 && urgentAt is null && urgentBefore != 1;
        if (notSafe)
        {
            Say("2");
            return new SimulatedPerson(messages, languageKnown, true, null);
        }

        Answer("1");
        Answer(random.NextDouble() < 0.1 ? "1" : "2");
        var consent = random.NextDouble() < 0.85;
        Answer(consent ? "1" : "2");
        if (consent)
        {
            for (var question = 0; question < IndicatorQuestions; question++)
            {
                Answer(random.NextDouble() < 0.4 ? "1" : "2");
            }

            Answer(Locations[random.Next(Locations.Length)]);
        }

        return new SimulatedPerson(messages, languageKnown, false, urgentAt);
    }
}
