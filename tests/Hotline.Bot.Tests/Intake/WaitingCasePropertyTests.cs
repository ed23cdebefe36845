using System.Text.RegularExpressions;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// Sooner to a human, over random conversations: the case is queued within three answers, its band as the host
/// last heard it is always the triage of the answers so far, and an urgent word of any language, anywhere in a
/// message at any question, makes it Critical with the emergency number. CsCheck prints the seed of a failure
/// (replay with <c>CsCheck_Seed</c>).
/// </summary>
public sealed class WaitingCasePropertyTests
{
    private static readonly TriageRules Triage = TriageRules.LoadDefault();

    private static readonly Gen<string> Answer = Gen.OneOf(
        Gen.OneOf("1", "2", "0 ", "yes", "no", "hmm", "what?", "maybe", "I don't know", "", "Dubai"),
        Gen.OneOf(Tags.ToArray()).Select(tag => Words(tag).Yes.Concat(Words(tag).No).ToArray()).SelectMany(Gen.OneOf),
        Gen.String[0, 30]);

    private static readonly (string Language, string Word)[] UrgentWords =
        [.. Tags.SelectMany(tag => Words(tag).Urgent.Select(word => (tag, word)))];

    [Fact]
    public void For_any_answers_the_case_is_queued_within_three_exchanges_unless_it_is_not_safe_to_write()
    {
        Gen.Select(Gen.OneOf(Tags.ToArray()), Answer.Array[3, 12]).Sample((language, answers) =>
        {
            var host = AtSafetyQuestion(language);
            var queued = false;
            var quiet = false;
            for (var exchange = 1; exchange <= answers.Length && !queued && !quiet; exchange++)
            {
                var turn = host.Send(answers[exchange - 1]);
                queued = host.Snapshot.HasOpenCase;
                quiet = turn.Events.Any(e => e is WentQuiet);
                Assert.True(queued || quiet || exchange < 3, $"no case after {exchange} answers: {Describe(turn)}");
            }
        }, print: p => $"{p.Item1}: {string.Join(" | ", p.Item2)}");
    }

    [Fact]
    public void Every_change_of_band_is_an_event_the_host_hears()
    {
        var message = Gen.Frequency((8, Answer), (1, Gen.OneOf(UrgentWords).Select(u => $"boss {u.Word} today")), (1, Gen.OneOf("STOP", "START", "recipe", "0")));
        Gen.Select(Gen.OneOf(Tags.ToArray()), message.Array[1, 20]).Sample((language, messages) =>
        {
            var host = AtSafetyQuestion(language);
            (PriorityBand Band, int Score)? heard = null;
            foreach (var text in messages)
            {
                var turn = host.Send(text);
                foreach (var e in turn.Events)
                {
                    heard = e switch
                    {
                        CaseRequested c => (c.Priority, c.Score),
                        PriorityChanged p => (p.Priority, p.Score),
                        _ => heard,
                    };
                }

                if (host.Snapshot.HasOpenCase && Triaged(turn.State) is { } expected)
                {
                    Assert.True(heard == expected, $"the host heard {heard}, the answers say {expected}: {Describe(turn)}");
                }
            }
        }, print: p => $"{p.Item1}: {string.Join(" | ", p.Item2)}");
    }

    [Fact]
    public void An_urgent_word_of_any_language_at_any_question_makes_the_case_critical_with_the_emergency_number()
    {
        var steps = Script.Questions.Select(q => q.Id).Where(id => id != Script.ResumeStepId).ToArray();
        Gen.Select(Gen.OneOf(Tags.ToArray()), Gen.OneOf(steps), Gen.OneOf(UrgentWords), Gen.OneOf("my boss", "today the agent", "please")).Sample(
            (language, step, urgent, before) =>
            {
                var host = AtStep(language, step);

                var turn = host.Send($"{before} {urgent.Word} now");

                // Two lists may hold the same word once drawn-out letters are cut (बच्चा in Hindi and Nepali; maarta, marta):
                // the first list that has it is named.
                Assert.Equal(Folded(urgent.Word), Folded(Assert.Single(turn.Events.OfType<UrgentWordMatched>()).Word));
                var band = turn.Events.Select(e => e switch { CaseRequested c => c.Priority, PriorityChanged p => p.Priority, _ => (PriorityBand?)null })
                    .LastOrDefault(b => b is not null);
                Assert.True(band == PriorityBand.Critical, Describe(turn));
                Assert.Contains(Options.EmergencyNumber, turn.Replies()[0], StringComparison.Ordinal);
            }, print: p => $"{p.Item1} at {p.Item2}: {p.Item4} {p.Item3.Word} ({p.Item3.Language})");
    }

    private static string Folded(string word) => Regex.Replace(word.ToLowerInvariant(), @"(.)\1+", "$1");

    /// <summary>
    /// The band and score the table gives the answers in the state, with its discreet word (15 points, at least Medium) and its
    /// urgent word (100 points, Critical); null when the state keeps no answers.
    /// </summary>
    private static (PriorityBand Band, int Score)? Triaged(string? state)
    {
        using var json = JsonDocument.Parse(state ?? "{}");
        if (!json.RootElement.TryGetProperty("a", out var answers))
        {
            return null;
        }

        var triage = Triage.Evaluate(answers.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!));
        var (band, score) = (triage.Band, triage.Score);
        if (json.RootElement.TryGetProperty("dw", out _))
        {
            score += 15;
            band = (PriorityBand)Math.Max(Math.Max((int)band, (int)Triage.BandFor(score)), (int)PriorityBand.Medium);
        }

        return json.RootElement.TryGetProperty("u", out _) ? (PriorityBand.Critical, score + 100) : (band, score);
    }
}
