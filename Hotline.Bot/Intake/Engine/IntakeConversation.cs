namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// One turn of one conversation: reads the stored state, applies the message or the tick, and gathers the
/// replies and events. This half handles what works at any step (STOP, START, HELP, the discreet word, asking
/// for a person or another language); <c>IntakeConversation.Flow.cs</c> walks the script.
/// </summary>
internal sealed partial class IntakeConversation
{
    private const string DiscreetReason = DiscreetWord.QuietCause;
    private const string AskedForPersonReason = "asked_for_person";
    private const string UnansweredReason = IntakeEnded.StoppedAnswering;
    private const string SafetyUnansweredReason = "safety_unanswered";
    private const string DistressReason = "distress";

    private readonly IntakeEngine _engine;
    private readonly IntakeScript _script;
    private readonly ConversationSnapshot _snapshot;
    private readonly List<EngineReply> _replies = new(2);
    private readonly List<EngineEvent> _events = new(2);
    private IntakeState _state;
    private string? _language;
    private bool _caseOpen;

    // No usable state and no open case: this message starts the conversation.
    private bool _fresh;

    // The intake's case has been closed since (the state says one was open; the host says none is): its questions, its
    // quiet and its hand-off belonged to that case.
    private bool _caseClosedSince;

    /// <summary>This turn gave a conversation back to the person who had it before the discreet word.</summary>
    private bool _handOffResumed;

    // Where the turn started, to tell the host what changed for a waiting case.
    private readonly bool _caseOpenedBefore;
    private readonly bool _startedQuiet;
    private readonly bool _startedWaiting;
    private readonly IntakeStatus _startedStatus;
    private readonly string _startedStep;
    private string? _endReason;

    // What the host measured before this turn: the teams' hours and the waits.
    private ServiceAvailability _availability = ServiceAvailability.AlwaysOpen;

    public IntakeConversation(IntakeEngine engine, ConversationSnapshot snapshot)
    {
        _engine = engine;
        _script = engine.Script;
        _snapshot = snapshot ?? new ConversationSnapshot(null, null, false, false, null, null);
        _caseOpen = _snapshot.HasOpenCase;
        _language = LanguageTags.Match(_script, _snapshot.Language) ?? LanguageTags.Match(_script, _snapshot.RegisteredLanguage);
        if (engine.Codec.TryRead(_snapshot.State, out var stored))
        {
            _state = stored;
            if (_snapshot.CaseworkerQuestion == CaseworkerQuestion.NeverLeft && stored.CaseworkerAskedIfSafe)
            {
                // Her question never reached the phone (refused for good, or cancelled): the person never saw it, so nothing
                // they write answers it. Asked again, the earlier asking is the question if it has left, may have or is still on
                // its way (the host tells where: EarlierCaseworkerQuestion), and from now on the only one; one that never left
                // either leaves no question. Before, the earlier asking was taken to be on the phone whatever became of it, and a
                // "no" after both were refused for good was read as the answer (a review). Changed in the state as it came, so a
                // turn that changes nothing stores it so too.
                var earlier = stored.CaseworkerAskedAgain ? _snapshot.EarlierCaseworkerQuestion : CaseworkerQuestion.NeverLeft;
                stored.CaseworkerAskedIfSafe = earlier != CaseworkerQuestion.NeverLeft;
                stored.CaseworkerAskedAgain = false;
                _snapshot = _snapshot with { State = engine.Codec.Write(stored), CaseworkerQuestion = earlier };
            }

            // The case that handoff was for has been closed; a new one will need its own.
            stored.HandoffRequested &= _caseOpen;
            _caseClosedSince = !_caseOpen && (stored.CaseOpened || stored.Status == IntakeStatus.HandedOff);
        }
        else if (_snapshot.Quiet)
        {
            // Never lose a quiet spell either: the host says the conversation is quiet, and a state erased (retention) or
            // unreadable (a missing key) cannot say why or since when. It waits until the person says it is safe, as after
            // any quiet spell, and then gives the conversation back to the caseworker of an open case. Started fresh, it
            // woke at the person's next message, and a caseworker's reply reached the phone.
            _state = new IntakeState
            {
                Step = _script.ResumeStepId,
                Status = IntakeStatus.Quiet,
                ResumesHandedOff = _caseOpen,
                HandoffRequested = _caseOpen,
                CaseOpened = _caseOpen,
            };
        }
        else
        {
            // Never lose an open case: with no usable state, it is the caseworker's conversation, not a new intake.
            _fresh = !_caseOpen;
            _state = new IntakeState
            {
                Step = _script.StartStep.Id,
                Status = _caseOpen ? IntakeStatus.HandedOff : IntakeStatus.Active,
                HandoffRequested = _caseOpen,
                CaseOpened = _caseOpen,
            };
        }

        _caseOpenedBefore = _caseOpen;
        _startedStatus = _state.Status;
        _startedQuiet = _state.Status == IntakeStatus.Quiet;
        _startedWaiting = WaitsForSafety;
        _startedStep = _state.Step;
    }

    public EngineTurn Receive(InboundMessage? message)
    {
        var text = message?.Text ?? "";
        var keyword = TextNormalizer.Keyword(text);
        _language ??= LanguageTags.Match(_script, message?.Locale);
        _availability = message?.Availability ?? ServiceAvailability.AlwaysOpen;
        _state.LastInbound = Math.Max(0, (message?.ReceivedAt ?? default).ToUnixTimeSeconds());

        var carrier = OptOutKeywords.Classify(text);
        var word = _engine.Lexicon.Classify(keyword, _language);
        _saysMore = WordsInMessage.CountWords(text) > MaxWordsOfShortMessage;
        if (!_engine.Discreet.IsKeyword(keyword))
        {
            NoticeUrgentWord(text);
        }

        if (_snapshot.OptedOut)
        {
            return WhileOptedOut(carrier, word, keyword, text);
        }

        if (StopKeyword(carrier, word, keyword) is { } stop)
        {
            // No reply at all: the carrier confirms an opt-out, and a second message could be seen by the wrong person.
            _events.Add(new OptedOut(stop));
            return IntakeEngine.Unchanged(_snapshot, _language, _events);
        }

        if (_engine.Discreet.IsKeyword(keyword))
        {
            return Discreet();
        }

        if (_caseClosedSince)
        {
            BeginAgain();
        }

        if (NotSafePhrase(text) is { } notSafe)
        {
            return NotSafeToWrite(notSafe, keyword, text);
        }

        if (_engine.Lexicon.IsDistress(keyword, _language))
        {
            return WaitsForSafety ? DistressUntilSafe(keyword, text) : Distress(keyword, text);
        }

        if (carrier.Kind == KeywordKind.Help || word == WordClass.Help)
        {
            // A first message of "help" (or "madad") is someone asking for help, not for the carrier's HELP text. Until it is
            // safe again, whoever holds the phone may have written it: the safety question answers it, as any message then.
            return _fresh ? Start(keyword, text)
                : WaitsForSafety ? AskWhetherSafe(keyword, text)
                : Finish(_engine.Replies.Get(_language, MessageIds.Help));
        }

        if ((word is WordClass.Person or WordClass.Language) && BesideCaseworker)
        {
            // She is writing to them: the hand-off's "a person will write" or the menu would be a second voice beside hers.
            return ReplyBesideCaseworker(keyword, text);
        }

        if (word == WordClass.Person)
        {
            // Asking for a person is not saying it is safe: whoever holds the phone may have written it.
            return WaitsForSafety ? HandOffUntilSafe(AskedForPersonReason, keyword, text) : AskForPerson();
        }

        if (word == WordClass.Language)
        {
            return OpenMenu();
        }

        if (_fresh)
        {
            return Start(keyword, text);
        }

        if (BesideCaseworker)
        {
            // A caseworker is talking with the person: the script ends here, and this message, which may be to her, answers none
            // of its questions.
            return ReplyBesideCaseworker(keyword, text);
        }

        return _state.Status switch
        {
            IntakeStatus.Quiet => Wake(keyword, text),
            IntakeStatus.HandedOff => _state.MenuOpen ? ChooseLanguage(keyword, text) : Finish(),
            _ => _state.MenuOpen ? ChooseLanguage(keyword, text) : Answer(keyword, text),
        };
    }

    /// <summary>
    /// The stop word the message is, as the whole message: a carrier keyword (STOP, UNSUBSCRIBE, ...) or a stop word of the
    /// person's language (any language's while none is known); null when it is none.
    /// </summary>
    private static string? StopKeyword((KeywordKind Kind, string Keyword) carrier, WordClass word, string? keyword) =>
        carrier.Kind == KeywordKind.OptOut ? carrier.Keyword : word == WordClass.Stop ? keyword : null;

    /// <summary>
    /// The intake has asked this person something and waits for the answer: not before its first question, not once it went
    /// quiet or handed off, and not when the case it belonged to was closed since (their next message begins a new one).
    /// </summary>
    private bool IsAsking => !_fresh && !_caseClosedSince && _state.Status == IntakeStatus.Active;

    /// <summary>
    /// After the discreet word or "not safe" (a "no" to the safety question, or a not-safe phrase in answer to it), until the
    /// person says it is safe again: someone else may hold the phone, so nothing but the safety question reaches it (the case
    /// may still open and rise, out of sight).
    /// </summary>
    private bool WaitsForSafety => _state.Status == IntakeStatus.Quiet || (_state.Status == IntakeStatus.Active && _state.AskingIfSafe);

    /// <summary>Not said to be safe since the discreet word: no emergency number reaches the phone.</summary>
    private bool NotYetSafe => WaitsForSafety || _state.Decoy;

    /// <summary>A caseworker has written on the open case and the conversation does not wait until it is safe: it is hers.</summary>
    private bool BesideCaseworker =>
        _caseOpen && _snapshot.CaseworkerHasWritten && _state.Status != IntakeStatus.Quiet && !_state.AskingIfSafe;

    /// <summary>
    /// A silent conversation: hands an unanswered intake to a person, never with a reply. An intake still asking
    /// while its case waits ends too, even when a person was already asked for (danger, an urgent word): otherwise
    /// the case would stay provisional for good. One left at the language menu or the safety question stays quiet too.
    /// </summary>
    public EngineTurn Expire(DateTimeOffset now)
    {
        // An intake whose case was closed waits for nothing: a hand-off now would queue a case nobody wrote for.
        // Nor one asking whether it is safe to write after a quiet spell: a hand-off would let a caseworker write to a phone
        // its owner has not said is safe.
        var waiting = IsAsking && !_snapshot.OptedOut && !_state.AskingIfSafe;
        DateTimeOffset? lastInbound = _snapshot.LastInboundAt
            ?? (_state.LastInbound > 0 ? DateTimeOffset.FromUnixTimeSeconds(_state.LastInbound) : null);
        if (!waiting || lastInbound is null || now - lastInbound.Value < _engine.Options.UnansweredHandoffAfter)
        {
            return IntakeEngine.Unchanged(_snapshot, _language, _events);
        }

        var saidSafe = _state.Step != _script.ResumeStepId && _state.Step != _script.StartStep.Id;
        var atMenu = _state.MenuOpen || _state.Step == _script.StartStep.Id;
        HandOff(UnansweredReason);
        if (!saidSafe && !_snapshot.CaseworkerHasWritten)
        {
            // They went silent before saying it is safe to write, and nobody has written to them: the case reaches a person,
            // but nothing reaches the phone until they write again and say it is safe (their next message asks). The intake
            // ends here all the same: what follows is the caseworker's.
            _events.Add(new IntakeEnded(UnansweredReason, Unanswered()));
            _events.Add(new WentQuiet(SafetyUnansweredReason));
            _state.ResumesHandedOff = true;
            GoQuiet(SafetyUnansweredReason);
            _state.MenuOpen = atMenu;
        }

        return Finish();
    }

    private EngineTurn AskForPerson()
    {
        if (_state.Status == IntakeStatus.Active)
        {
            AddAskedForPersonReason();
        }

        HandOff(AskedForPersonReason);
        return Finish(HandoffReply(OwedHandoffTextId()));
    }

    /// <summary>
    /// A text that hands the conversation to a person says when one will read it: in the measured wait for the
    /// language and band while the team is open; outside its hours, when it opens, with the emergency number.
    /// </summary>
    private EngineReply HandoffReply(string textId)
    {
        var team = _availability.For(_language);
        return team.Open
            ? _engine.Replies.Get(_language, textId, _availability.WaitMinutes(_language, Evaluate().Band))
            : _engine.Replies.Closed(_language, team);
    }

    private void HandOff(string reason)
    {
        _endReason ??= reason;
        RequestHandoff(reason);
        _state.Status = IntakeStatus.HandedOff;
        _state.MenuOpen = false;
        _state.ReturnStep = null;
        ForgetUnlessConsented();
    }

    private EngineTurn FinishWithMenu()
    {
        _replies.AddRange(_engine.Replies.Menu(_language));
        return Finish();
    }

    private EngineTurn Finish(EngineReply? reply = null)
    {
        if (reply is not null)
        {
            _replies.Add(reply);
        }

        _state.ReturnedUnanswered &= _state.Status == IntakeStatus.Active && !_state.Distressed && _state.UrgentWord is null
            && (_state.Step == _script.ResumeStepId || _state.Step == _script.StartStep.Id);
        if ((WaitsForSafety || _state.ReturnedUnanswered) && !_events.Any(e => e is WentQuiet))
        {
            // Told on every turn that ends waiting, however it got there: a turn without it lets the host end the quiet.
            _events.Add(new WaitsUntilSafe(WaitsForSafety ? (_state.Decoy ? DiscreetReason : _state.QuietCause) : WaitsUntilSafe.Returned));
        }

        OpenCaseIfWrittenWhileNotSafe();
        QueueEarly();
        Escalate();
        TellOwedNumber();
        _state.NumberTold |= _replies.Any(TellsEmergencyNumber);
        ReportProgress();
        return new EngineTurn(_engine.Codec.Write(_state), _language, _replies, _events);
    }
}
