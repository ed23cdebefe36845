using DbUp.Engine.Output;

namespace Hotline.Api.Storage;

/// <summary>
/// Passes DbUp's progress to the host's log. Failures are logged as one line without the exception's
/// stack: the start-up error line says what went wrong, and an operator needs no stack to act on it.
/// </summary>
internal sealed class DbUpLog(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => logger.LogTrace("{Migration}", Format(format, args));

    public void LogDebug(string format, params object[] args) => logger.LogDebug("{Migration}", Format(format, args));

    public void LogInformation(string format, params object[] args) => logger.LogInformation("{Migration}", Format(format, args));

    public void LogWarning(string format, params object[] args) => logger.LogWarning("{Migration}", Format(format, args));

    public void LogError(string format, params object[] args) => logger.LogError("{Migration}", FirstLine(Format(format, args)));

    public void LogError(Exception ex, string format, params object[] args) =>
        logger.LogError("{Migration} ({Error})", FirstLine(Format(format, args)), FirstLine(ex.Message));

    /// <summary>DbUp passes exceptions as format arguments too; only their first message line is kept.</summary>
    private static string Format(string format, object[] args) =>
        args.Length == 0
            ? format
            : string.Format(CultureInfo.InvariantCulture, format, args.Select(a => a is Exception ex ? FirstLine(ex.Message) : a).ToArray());

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
