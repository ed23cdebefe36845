namespace Hotline.Api.Tests.PhonesView;

/// <summary>
/// One person's phone as they (or someone holding it) would read the thread: what they wrote ("&gt; "), what
/// reached it ("&lt; "), and what happened out of sight ("# "), one line each. Everything the hotline sends
/// is dispatched before the next line, so the order is the order on the phone.
/// </summary>
public sealed class Phone(string number, Func<string, Task> write, Func<Task> dispatch, Func<IEnumerable<string>> received)
{
    private readonly StringBuilder _view = new();
    private int _seen;

    public string Number { get; } = number;

    /// <summary>The person writes each text in turn; after each, the outbox is sent and what arrived is read.</summary>
    public async Task WriteAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            await write(text);
            _view.Append("> ").AppendLine(OneLine(text));
            await ReadAsync();
        }
    }

    /// <summary>
    /// The person writes <paramref name="text"/>, shown in the view as <paramref name="label"/>: for words taken from
    /// the script's word lists, so that the expected view names the kind of word and does not change with the lists.
    /// </summary>
    public async Task WriteShownAsAsync(string text, string label)
    {
        await write(text);
        _view.Append("> [").Append(label).AppendLine("]");
        await ReadAsync();
    }

    /// <summary>The person writes before the hotline's reply has left: the reply waits in the outbox.</summary>
    public async Task WriteBeforeTheOutboxRunsAsync(string text)
    {
        await write(text);
        _view.Append("> ").Append(OneLine(text)).AppendLine("   (its reply still waits in the outbox)");
    }

    /// <summary>Something happened out of sight and its messages stay in the outbox: nothing is sent before the next line.</summary>
    public void NoteWhileTheOutboxWaits(string what) => _view.Append("# ").Append(OneLine(what)).AppendLine("   (the outbox does not run before the next line)");

    /// <summary>Something happened out of sight (a caseworker, a timer, a restart); then the outbox is sent and what arrived is read.</summary>
    public async Task MeanwhileAsync(string what)
    {
        _view.Append("# ").AppendLine(OneLine(what));
        await ReadAsync();
    }

    /// <summary>Messages that reached the phone so far.</summary>
    public IReadOnlyList<string> Received => [.. received()];

    public string View => _view.ToString().ReplaceLineEndings("\n");

    private async Task ReadAsync()
    {
        await dispatch();
        var all = received().ToList();
        foreach (var message in all.Skip(_seen))
        {
            _view.Append("< ").AppendLine(OneLine(message));
        }

        _seen = all.Count;
    }

    /// <summary>A multi-line message (the language menu) stays on one line: its line breaks are shown as " | ".</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings("\n").Replace("\n", " | ", StringComparison.Ordinal);
}
