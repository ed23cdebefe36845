namespace Hotline.Bot.CannedReplies;

/// <summary>A canned reply file that cannot be trusted, with every problem found in it.</summary>
public sealed class CannedReplyException : Exception
{
    public CannedReplyException(string fileName, IReadOnlyList<string> problems)
        : base($"{fileName}: {string.Join("; ", problems)}")
    {
        FileName = fileName;
        Problems = problems;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Problems { get; }
}
