namespace Hotline.Api.Erasure;

/// <summary>
/// <c>erase --phone - [--force]</c> and <c>erase --chat - [--force]</c>: the operator's erasure on request, the number
/// or the chat person read from the first line of standard input, as <c>users add</c> reads a password. A value on the
/// command line itself (<c>--phone +E164</c>) still works, but stays in the shell's history, the process list and the
/// container runtime's exec events, the very trace of the person an erasure removes. Prints what was removed, counts
/// per kind. Exit codes: 0 erased (or nothing held), 1 refused (a caseworker holds the person's case), 2 the request is
/// malformed (nothing changed).
/// </summary>
public static class ErasureCommand
{
    public const string Usage =
        "       erase --phone - | --chat - [--force]   (erases a person's personal data on request; the number +E164 or CHANNEL:ID on standard input)";

    /// <summary>The value that says "read it from standard input".</summary>
    private const string FromInput = "-";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var force = args.Contains("--force");
        var rest = args.Skip(1).Where(a => a != "--force").ToArray();
        var (phone, chat) = rest switch
        {
            ["--phone", var number] => (number, null),
            ["--chat", var key] => ((string?)null, key),
            _ => (null, null),
        };
        if (phone == FromInput)
        {
            phone = await ReadLineAsync(input, cancellationToken);
        }
        else if (chat == FromInput)
        {
            chat = await ReadLineAsync(input, cancellationToken);
        }

        if (phone is null && chat is null)
        {
            await output.WriteLineAsync($"Not erased: give one person.{Environment.NewLine}{Usage.Trim()}");
            return 2;
        }

        if (!ErasureRequest.TryParse(phone, chat, out var address, out var error))
        {
            await output.WriteLineAsync($"Not erased: {error}");
            return 2;
        }

        var outcome = await services.GetRequiredService<PersonErasure>().EraseAsync(address, force, AuditActors.Operator, null, cancellationToken);
        if (outcome.Value is not { } report)
        {
            await output.WriteLineAsync(outcome.Detail);
            return 1;
        }

        await output.WriteLineAsync(report.Known
            ? $"Erased. Removed: {report.Removed.Describe()}; open cases closed: {report.CasesClosed}."
            : $"No personal data of this person is held (nothing to erase). Removed: {report.Removed.Describe()}.");
        return 0;
    }

    /// <summary>One line of standard input, or an empty value (which the request refuses) when there is none.</summary>
    private static async Task<string> ReadLineAsync(TextReader input, CancellationToken cancellationToken) =>
        (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
}
