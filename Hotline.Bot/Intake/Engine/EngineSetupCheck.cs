namespace Hotline.Bot.Intake.Engine;

/// <summary>The checks that need the script, the triage table and the options together, run once at start.</summary>
internal static class EngineSetupCheck
{
    public static void Run(IntakeScript script, TriageRules triage, IntakeOptions options, Lexicon lexicon)
    {
        var discreet = TextNormalizer.Keyword(options.DiscreetWord);
        if (string.IsNullOrEmpty(discreet))
        {
            throw new ArgumentException("The discreet word must be a word of at most 40 characters.", nameof(options));
        }

        var taken = OptOutKeywords.Classify(options.DiscreetWord).Kind != KeywordKind.None
            || lexicon.Classify(discreet, null) != WordClass.None
            || script.Languages.Any(l => lexicon.Classify(discreet, l.Tag) != WordClass.None);
        if (taken)
        {
            throw new ArgumentException($"The discreet word '{options.DiscreetWord}' is already a word of the script or a carrier keyword.", nameof(options));
        }

        var number = options.EmergencyNumber ?? "";
        if (number.Length is 0 or > Placeholders.EmergencyNumberMaxLength || !number.Any(char.IsAsciiDigit)
            || number.Any(c => !char.IsAsciiDigit(c) && c is not ('+' or ' ' or '-')))
        {
            throw new ArgumentException($"The emergency number must be 1 to {Placeholders.EmergencyNumberMaxLength} digits, '+', spaces or hyphens.", nameof(options));
        }

        if (options.ExpectedWaitMinutes is < 1 or > Placeholders.WaitMinutesMax)
        {
            throw new ArgumentException($"The expected wait must be 1 to {Placeholders.WaitMinutesMax} minutes.", nameof(options));
        }

        if (options.UnansweredHandoffAfter <= TimeSpan.Zero || options.UnansweredHandoffAfter > TimeSpan.FromDays(7))
        {
            throw new ArgumentException("The unanswered handoff time must be more than zero and at most 7 days.", nameof(options));
        }

        foreach (var rule in triage.Rules.Where(r => !r.IsCombination))
        {
            var step = script.FindStep(rule.Step);
            var possible = step?.Kind switch
            {
                StepKind.YesNo => rule.Answer is AnswerCodes.Yes or AnswerCodes.No or AnswerCodes.Unknown,
                StepKind.Text => rule.Answer is AnswerCodes.Text or AnswerCodes.Unknown,
                _ => false,
            };
            if (!possible)
            {
                throw new ArgumentException(
                    $"Triage rule '{rule.Reason}' needs step '{rule.Step}' to answer '{rule.Answer}', which script '{script.FileName}' cannot give.",
                    nameof(triage));
            }
        }
    }
}
