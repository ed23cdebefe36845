namespace Hotline.Bot.Intake.Engine;

/// <summary>Which language the person writes in: read from a message, chosen at the menu, or heard in a cry for help.</summary>
internal sealed partial class IntakeConversation
{
    /// <summary>The language a message is written in (its words, its first word, its letters), or null when it does not say.</summary>
    private string? RecogniseLanguage(string? keyword, string text) =>
        _engine.Lexicon.RecogniseLanguage(keyword, TextNormalizer.FirstWord(text), text);

    /// <summary>Takes the language a message is written in when none is known yet, remembering that it was read, not chosen.</summary>
    private void GuessLanguage(string? keyword, string text)
    {
        if (_language is null && RecogniseLanguage(keyword, text) is { } heard)
        {
            _language = heard;
            _state.LanguageGuessed = true;
        }
    }

    /// <summary>
    /// A cry for help in another language than one read from a greeting ("hello", then "गुहार") is answered in the cry's: a
    /// person in danger writes in their own. Not a cry in the base language ("help me" after "ke cha"): every language
    /// borrows its words. A language chosen from the menu stays.
    /// </summary>
    private void HearCryLanguage(string? keyword, string text)
    {
        if (_state.LanguageGuessed && RecogniseLanguage(keyword, text) is { } heard && heard != _script.BaseLanguage)
        {
            _language = heard;
        }
    }

    /// <summary>
    /// Danger written in another language than one read from a greeting ("hello", then "कुट्छ") is answered in the danger's, as a
    /// cry for help is (<see cref="HearCryLanguage"/>), when the word is written in that language only. A word several
    /// languages share ("polisi", Indonesian and Swahili) keeps the guessed language: otherwise the script's first would win, and
    /// a Swahili speaker's case would go to Indonesian speakers, in Indonesian, and their own STOP word would no longer opt out.
    /// Nor does a word of the base language's ("police"): its words are understood in every language, and every language
    /// borrows them. A language chosen from the menu stays.
    /// </summary>
    private void HearUrgentWordLanguage(WordMatch match)
    {
        if (_state.LanguageGuessed && match.Languages is [var only] && only != _script.BaseLanguage)
        {
            _language = only;
        }
    }

    private EngineTurn OpenMenu()
    {
        if (_state.Status == IntakeStatus.Quiet)
        {
            // Writing again after going quiet: the menu, then the safety question, and the conversation waits as after Wake.
            _state.Status = IntakeStatus.Active;
            _state.AskingIfSafe = true;
        }

        // At the language step the menu is the question itself; anywhere else it opens on top of it.
        _state.MenuOpen = _state.Status == IntakeStatus.HandedOff || _state.Step != _script.StartStep.Id;
        _state.Reasked = false;
        return FinishWithMenu();
    }

    /// <summary>The language a number on the menu stands for; null for any other message.</summary>
    private string? MenuChoice(string? keyword)
    {
        var number = TextNormalizer.Number(keyword);
        return number >= 1 && number <= _script.Languages.Count ? _script.Languages[number - 1].Tag : null;
    }

    private EngineTurn ChooseLanguage(string? keyword, string text)
    {
        var chosen = MenuChoice(keyword) ?? RecogniseLanguage(keyword, text);
        if (chosen is null && TextNormalizer.HasNoWords(text))
        {
            // An empty message, an emoji or a sticker says nothing, not even a language: it neither uses up the menu's one
            // repeat nor lets the base language be guessed. The menu is just above on the phone (two SMS segments, three
            // with its instruction): the instruction alone points back to it.
            return Finish(_engine.Replies.Get(_language, MessageIds.LanguageMenu));
        }

        if (chosen is null && !_state.Reasked)
        {
            _state.Reasked = true;
            return FinishWithMenu();
        }

        // Going on in the base language after the menu went unanswered twice is a guess too.
        _state.LanguageGuessed = chosen is null && (_language is null || _state.LanguageGuessed);
        _language = chosen ?? _language ?? _script.BaseLanguage;
        _state.Reasked = false;
        _state.MenuOpen = false;
        if (_state.Status == IntakeStatus.HandedOff)
        {
            return Finish(HandoffReply(OwedHandoffTextId()));
        }

        if (_state.Step == _script.StartStep.Id)
        {
            GoTo(_script.StartStep.Next!);
            return Finish();
        }

        return Finish(_engine.Replies.Get(_language, _state.Step));
    }
}
