namespace Hotline.Api.Erasure;

/// <summary>
/// <c>erase --phone +E164 [--force]</c> and <c>erase --chat CHANNEL:ID [--force]</c>: the operator's erasure on
/// request. Prints what was removed, counts per kind. Exit codes: 0 erased (or nothing held), 1 refused (a
/// caseworker holds the person's case), 2 the request is malformed (nothing changed).
/// </summary>
public static class ErasureCommand
{
    public const string Usage = "       erase --phone +E164 | --chat CHANNEL:ID [--force]   (erases a person's personal data on request)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var force = args.Contains("--force");
        var rest = args.Skip(1).Where(a => a != "--force").ToArray();
        var (phone, chat) = rest switch
        {
            ["--phone", var number] => (number, null),
            ["--chat", var key] => ((string?)null, key),
            _ => (null, null),
        };
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
}
