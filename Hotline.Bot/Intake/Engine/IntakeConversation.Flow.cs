namespace Hotline.Bot.Intake.Engine;

/// <summary>Walking the script: starting, answering, branching, handing off and going quiet.</summary>
internal sealed partial class IntakeConversation
{
    private bool Consented =>
        _script.ConsentStepId is { } consent && _state.Answers?.GetValueOrDefault(consent) == AnswerCodes.Yes;

    private EngineTurn Start(string? keyword, string text)
    {
        GuessLanguage(keyword, text);
        if (_language is null)
        {
            _state.Step = _script.StartStep.Id;
            return FinishWithMenu();
        }

        GoTo(_script.StartStep.Next!);
        return Finish();
    }

    /// <summary>
    /// Their case was closed and they write again: a new intake, in the language they chose before, taken as a first message
    /// is (the old intake's questions, quiet and hand-off belonged to the closed case), and a new case at once. What they write
    /// may be about the last case ("when will the shelter call me?"): a caseworker sees it now, not after the intake's
    /// questions, which still come, whether it is safe to write first, and whose answers reach the case as they are given.
    /// She may write once they say it is safe, as after a first message (months may have passed, and the phone changed
    /// hands), or at once when they write an urgent or distress word, as at a first message too.
    /// A phone not said to be safe since the discreet word or "not safe" keeps its warning: the conversation waits until they
    /// say it is (a caseworker's reply is refused, as after any quiet spell; the safety question is the new intake's first),
    /// and meanwhile an urgent or distress word raises the case out of sight, the number waiting for their "yes" (a number the
    /// closed case's cry was still owed included).
    /// </summary>
    private void BeginAgain()
    {
        ForgetClosedCase();
        _fresh = true;
        OpenCase();
    }

    /// <summary>
    /// The state of a new intake for a person whose case was closed: nothing of the closed case's intake (its answers, its
    /// band and reasons, its questions, its quiet and hand-off) stays, but what the phone was last told (the discreet word's
    /// warning, a number still owed) and the language. Whatever opens the new case next triages it on this message alone, and on
    /// the discreet word while its warning stands (nobody has said the phone is safe since: someone may still be reading it).
    /// </summary>
    private void ForgetClosedCase()
    {
        _state = new IntakeState
        {
            Step = _script.StartStep.Id, LastInbound = _state.LastInbound, UrgentWord = _urgent?.Word, Decoy = _state.Decoy,
            UsedDiscreetWord = _state.Decoy,
            AskingIfSafe = NotYetSafe, NumberOwed = _state.NumberOwed, ReturnedUnanswered = !NotYetSafe,
            QuietCause = NotYetSafe ? _state.QuietCause : null, LanguageGuessed = _state.LanguageGuessed,
        };
        _urgentIsNew = _urgent is not null;
        _caseClosedSince = false;
    }

    /// <summary>
    /// They write again after going quiet: ask first whether it is safe now, never carry on blindly. A language not
    /// known yet is read from this message as from a first one, so "hello" after the discreet word is answered as a
    /// first "hello" is.
    /// </summary>
    private EngineTurn Wake(string? keyword, string text)
    {
        _state.Status = IntakeStatus.Active;
        _state.Reasked = false;
        _state.AskingIfSafe = true;
        if (_state.MenuOpen && MenuChoice(keyword) is { } chosen)
        {
            // Left at the language menu when the timer handed the intake off: the menu is still the last text on the phone,
            // so a number answers it, as it would have before.
            _language = chosen;
            _state.LanguageGuessed = false;
        }

        _state.MenuOpen = false;
        GuessLanguage(keyword, text);
        if (_language is null)
        {
            _state.Step = _script.StartStep.Id;
            return FinishWithMenu();
        }

        return Finish(_engine.Replies.Get(_language, _state.Step));
    }

    private EngineTurn Answer(string? keyword, string text)
    {
        var step = _script.FindStep(_state.Step)!;
        if (step.Kind == StepKind.Language)
        {
            return ChooseLanguage(keyword, text);
        }

        _state.Exchanges++;
        var code = step.Kind == StepKind.YesNo ? _engine.Answers.Read(keyword, text, _language ?? _script.BaseLanguage)
            : string.IsNullOrWhiteSpace(text) ? null
            : AnswerCodes.Text;
        if (code is null && _urgent is not null)
        {
            // A message of danger is not a wrong answer: the emergency number goes first, then the same question again.
            return Finish(_engine.Replies.Get(_language, step.Id));
        }

        if (code is null)
        {
            if (!_state.Reasked)
            {
                // Once, in simpler words; then the step's on_unknown branch decides, never a guess.
                _state.Reasked = true;
                _state.SaidMoreBeforeReask = step.Id == _script.ResumeStepId && _saysMore;
                return Finish(_engine.Replies.Get(_language, step.Kind == StepKind.YesNo ? MessageIds.Reask : step.Id));
            }

            code = AnswerCodes.Unknown;
        }

        if (step.Id == _script.ResumeStepId)
        {
            _state.AskingIfSafe = false;
            if (code == AnswerCodes.Yes)
            {
                _state.Decoy = false;
                _state.QuietCause = null;
                _state.SaidMoreBeforeReask = false;
            }
            else
            {
                HeardNotSafe(keyword, text);
            }

            if (_state.ResumesHandedOff || (_caseOpen && _snapshot.CaseworkerHasWritten))
            {
                // Not an answer to the intake, which a person has taken over: nothing is recorded or re-triaged.
                if (code == AnswerCodes.Yes)
                {
                    return ResumeWithCaseworker();
                }

                GoTo(step.Target(code)!);
                return Finish();
            }
        }

        Record(step, code, text);
        var target = step.Target(code)!;
        if (step.Id == _script.ResumeStepId && _state.ReturnStep is { } back && _script.FindStep(target)!.Kind != StepKind.Quiet)
        {
            target = back;
            _state.ReturnStep = null;
        }

        GoTo(target);
        return Finish();
    }

    /// <summary>
    /// Safe to write again, and a person has the conversation: it is theirs again, and the intake asks nothing more (its
    /// question beside theirs would be a second voice). Once a caseworker has written, their next message is the answer;
    /// before, the person is told when someone will write.
    /// </summary>
    private EngineTurn ResumeWithCaseworker()
    {
        if (!_state.ResumesHandedOff)
        {
            _endReason ??= IntakeEnded.CaseworkerWrote;
        }

        _handOffResumed = _state.ResumesHandedOff;
        _state.ResumesHandedOff = false;
        _state.ReturnStep = null;
        _state.Status = IntakeStatus.HandedOff;
        return _snapshot.CaseworkerHasWritten ? Finish() : Finish(HandoffReply(OwedHandoffTextId()));
    }

    private void Record(ScriptStep step, string code, string text)
    {
        var before = _caseOpen ? Evaluate() : null;
        _state.AnswersOrEmpty[step.Id] = code;
        if (code == AnswerCodes.Text)
        {
            (_state.Texts ??= new(StringComparer.Ordinal))[step.Id] = StateCodec.Clip(text);
        }

        if (step.Record && Consented)
        {
            _events.Add(Recorded(step.Id));
        }

        if (before is not null && Evaluate() is var after && !after.SameAs(before))
        {
            _events.Add(new PriorityChanged(after.Band, after.Score, after.Reasons));
        }
    }

    /// <summary>Moves to a step and runs it: a question is asked and waits; a handoff or quiet step acts and goes on.</summary>
    private void GoTo(string target)
    {
        // The script was checked for loops of handoffs at load; the bound only guards against a bug.
        for (var hops = 0; hops <= _script.Steps.Count; hops++)
        {
            var step = _script.FindStep(target)!;
            switch (step.Kind)
            {
                case StepKind.Language:
                    _state.Step = step.Id;
                    _state.Reasked = false;
                    _replies.AddRange(_engine.Replies.Menu(_language));
                    return;
                case StepKind.YesNo or StepKind.Text:
                    _state.Step = step.Id;
                    _state.Reasked = false;
                    _replies.Add(_engine.Replies.Get(_language, step.Id));
                    return;
                case StepKind.Quiet:
                    _replies.Add(_engine.Replies.Get(_language, step.Id));
                    _events.Add(new WentQuiet(QuietCauseFor(step.Reason!)));
                    GoQuiet(step.Reason!);
                    return;
                default:
                    // The danger path's number, told already in this case (an urgent word just before): once is enough.
                    if (!(_state.NumberTold && _script.Text(_script.BaseLanguage, step.Id).Contains(Placeholders.EmergencyNumber, StringComparison.Ordinal)))
                    {
                        _replies.Add(HandoffReply(step.Id));
                    }

                    if (step.Next is null)
                    {
                        HandOff(step.Reason!);
                        _state.Step = step.Id;
                        return;
                    }

                    RequestHandoff(step.Reason!);
                    target = step.Next;
                    break;
            }
        }
    }

    private void GoQuiet(string cause)
    {
        // The person may delete the thread while it is quiet: the number is told again when next it is needed.
        _state.NumberTold = false;
        _state.QuietCause = QuietCauseFor(cause);
        _state.SafetyUnanswered = false;
        _state.CaseworkerAskedIfSafe = false;
        _state.CaseworkerAskedAgain = false;
        _state.Status = IntakeStatus.Quiet;
        _state.Step = _script.ResumeStepId;
        _state.Reasked = false;
    }

    /// <summary>
    /// Why the conversation is quiet, as the caseworker is told: the discreet word stays the cause until the person says it is
    /// safe, whatever came after it ("not safe"), since it tells her someone else may hold the phone.
    /// </summary>
    private string QuietCauseFor(string cause) => _state.Decoy ? DiscreetReason : cause;

    /// <summary>Opens the case with the triage so far if none is open, and asks for a person once per case.</summary>
    private void RequestHandoff(string reason)
    {
        OpenCase();
        if (!_state.HandoffRequested)
        {
            _events.Add(new HandoffRequested(reason));
            _state.HandoffRequested = true;
        }
    }

    /// <summary>Queues the case with the triage so far, unless one is open.</summary>
    private void OpenCase()
    {
        if (_caseOpen)
        {
            return;
        }

        var triage = Evaluate();
        _events.Add(new CaseRequested(triage.Band, triage.Score, triage.Reasons));
        _caseOpen = true;
        _state.CaseOpened = true;
        RecordAnswersSoFar();
    }

    /// <summary>
    /// A host records answers against a case, and before this turn there was none: every consented answer so far
    /// is recorded again, in the order of the script, right after the case is requested.
    /// </summary>
    private void RecordAnswersSoFar()
    {
        _events.RemoveAll(e => e is AnswerRecorded);
        if (!Consented)
        {
            return;
        }

        foreach (var step in _script.Steps.Where(s => s.Record && _state.AnswersOrEmpty.ContainsKey(s.Id)))
        {
            _events.Add(Recorded(step.Id));
        }
    }

    private AnswerRecorded Recorded(string stepId) =>
        new(stepId, _state.AnswersOrEmpty[stepId], _state.Texts?.GetValueOrDefault(stepId));

    /// <summary>
    /// Without consent nothing they answered stays behind once a person has the conversation; the triage the case was given
    /// on them does, as the case keeps it.
    /// </summary>
    private void ForgetUnlessConsented()
    {
        if (!Consented)
        {
            if (_state.Answers is { Count: > 0 } answers)
            {
                _state.Forgotten = ForgottenTriage.Of(_engine.Triage.Evaluate(answers));
            }

            _state.Answers = null;
            _state.Texts = null;
        }
    }

    private TriageResult Evaluate() => WithUrgentWord(WithDistressWord(WithDiscreetWord(WithWroteWhileNotSafe(WithWroteWhileOptedOut(WithAskedForPerson(
        _state.Forgotten?.ToTriage() ?? _engine.Triage.Evaluate((IReadOnlyDictionary<string, string>?)_state.Answers ?? EmptyAnswers)))))));

    private static readonly Dictionary<string, string> EmptyAnswers = new(StringComparer.Ordinal);
}
