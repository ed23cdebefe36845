namespace Hotline.Bot.Intake.Loading;

/// <summary>
/// The shape of a script's flow: each step has the fields its type needs, every branch lands on a step that
/// exists, every step can be reached, and no chain of handoffs loops without ever asking anything.
/// Flow problems are reported in the base language, whose text the steps carry.
/// </summary>
internal static class ScriptGraphCheck
{
    public static void CheckShape(ScriptStep step, string? text, string baseLanguage, List<ScriptProblem> problems)
    {
        void Problem(string description) => problems.Add(new ScriptProblem(step.Id, baseLanguage, description));

        if (step.HasText && string.IsNullOrWhiteSpace(text))
        {
            Problem("the step has no text in the base language");
        }

        if (!step.HasText && text is not null)
        {
            Problem("a language step has no text: its prompt is the menu built from the languages");
        }

        var hasAnswerBranches = step.OnYes is not null || step.OnNo is not null || step.OnUnknown is not null;
        switch (step.Kind)
        {
            case StepKind.YesNo:
                if (step.Target(AnswerCodes.Yes) is null || step.Target(AnswerCodes.No) is null || step.Target(AnswerCodes.Unknown) is null)
                {
                    Problem("a yes_no step needs a branch for yes, no and unknown (on_yes, on_no, on_unknown or next)");
                }

                break;
            case StepKind.Language or StepKind.Text:
                if (step.Next is null || hasAnswerBranches)
                {
                    Problem("the step needs 'next' and no on_yes, on_no or on_unknown");
                }

                break;
            case StepKind.Handoff or StepKind.Quiet:
                if (!IntakeScriptReader.IsCode(step.Reason) || hasAnswerBranches || step.Record)
                {
                    Problem("the step needs a snake_case 'reason' and no answer branches or 'record'");
                }

                if (step.Kind == StepKind.Quiet && step.Next is not null)
                {
                    Problem("a quiet step ends the turn: the person's next message resumes at resume_step, so it has no 'next'");
                }

                break;
        }

        if (step.GrantsConsent && step.Kind != StepKind.YesNo)
        {
            Problem("only a yes_no step can ask for consent");
        }

        if (step.Kind != StepKind.Handoff && step.Kind != StepKind.Quiet && step.Reason is not null)
        {
            Problem("only handoff and quiet steps have a reason");
        }
    }

    public static void Run(IReadOnlyList<ScriptStep> steps, string? resumeStep, string baseLanguage, List<ScriptProblem> problems)
    {
        if (steps.Count == 0)
        {
            problems.Add(new ScriptProblem(null, baseLanguage, "the script has no steps"));
            return;
        }

        var byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (steps[0].Kind != StepKind.Language || steps.Count(s => s.Kind == StepKind.Language) != 1)
        {
            problems.Add(new ScriptProblem(steps[0].Id, baseLanguage, "the first step, and only it, must be the language step"));
        }

        foreach (var step in steps)
        {
            foreach (var target in step.Branches().Where(t => !byId.ContainsKey(t)))
            {
                problems.Add(new ScriptProblem(step.Id, baseLanguage, $"branches to '{target}', which does not exist"));
            }
        }

        if (resumeStep is null || !byId.TryGetValue(resumeStep, out var resume) || resume.Kind != StepKind.YesNo)
        {
            problems.Add(new ScriptProblem(resumeStep, baseLanguage, "resume_step must name a yes_no step (the \"is it safe now?\" question)"));
        }
        else if (resume.Target(AnswerCodes.No) is not { } notSafe || !byId.TryGetValue(notSafe, out var quiet) || quiet.Kind != StepKind.Quiet)
        {
            // A not-safe phrase in answer to this question goes where its "no" goes: to the quiet, never to another question.
            problems.Add(new ScriptProblem(resumeStep, baseLanguage, "resume_step's 'on_no' must be a quiet step (where \"not safe\" in words goes too)"));
        }

        if (steps.Count(s => s.GrantsConsent) > 1)
        {
            problems.Add(new ScriptProblem(steps.Last(s => s.GrantsConsent).Id, baseLanguage, "only one step may ask for consent"));
        }

        var reached = Reachable(steps[0], byId);
        foreach (var step in steps.Where(s => !reached.Contains(s.Id)))
        {
            problems.Add(new ScriptProblem(step.Id, baseLanguage, $"the step cannot be reached from '{steps[0].Id}'"));
        }

        foreach (var step in steps.Where(s => !s.AwaitsAnswer && Loops(s, byId, steps.Count)))
        {
            problems.Add(new ScriptProblem(step.Id, baseLanguage, "following 'next' from here loops without ever asking a question"));
        }
    }

    private static HashSet<string> Reachable(ScriptStep start, Dictionary<string, ScriptStep> byId)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var queue = new Queue<ScriptStep>([start]);
        while (queue.TryDequeue(out var step))
        {
            foreach (var target in step.Branches())
            {
                if (byId.TryGetValue(target, out var next) && reached.Add(target))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return reached;
    }

    private static bool Loops(ScriptStep step, Dictionary<string, ScriptStep> byId, int limit)
    {
        for (var hops = 0; hops <= limit; hops++)
        {
            if (step.AwaitsAnswer || step.Next is null || !byId.TryGetValue(step.Next, out var next))
            {
                return false;
            }

            step = next;
        }

        return true;
    }
}
