namespace Hotline.Api.Tests.Infrastructure;

/// <summary>What a real API process printed: the last lines, and its warnings and errors by category.</summary>
internal sealed class ApiProcessLog
{
    private const int TailLines = 200;

    private readonly Queue<string> _tail = new();
    private readonly Dictionary<string, (int Count, string Example)> _problems = [];
    private string? _problemAwaitingMessage;

    public IReadOnlyDictionary<string, (int Count, string Example)> Problems
    {
        get
        {
            lock (_tail)
            {
                return new Dictionary<string, (int Count, string Example)>(_problems);
            }
        }
    }

    public string Tail(int lines = 20)
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail.TakeLast(lines));
        }
    }

    public void Record(string line)
    {
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            // The console logger writes "warn: Category[id]" with the message on the next line.
            if (_problemAwaitingMessage is { } category)
            {
                _problemAwaitingMessage = null;
                var (count, example) = _problems.GetValueOrDefault(category, (0, ""));
                _problems[category] = (count + 1, count == 0 ? line.Trim() : example);
            }
            else if (line.StartsWith("warn: ", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal)
                || line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                _problemAwaitingMessage = line;
            }
        }
    }
}
