using Hotline.Api.Erasure;
using Hotline.Api.SimCards;

namespace Hotline.Api.Hosting;

/// <summary>
/// The operator's command line, run instead of the web server (so it works inside a container whose
/// port is already taken): the <c>users</c> verbs of <see cref="UserCommands"/> manage accounts;
/// <c>sims import -</c> loads the issued-SIM registry from standard input (<c>sims import FILE</c> from a file);
/// <c>audit verify</c> walks the audit chain; <c>keys rotate</c> seals every stored value again under the current privacy
/// key; <c>erase</c> erases a person on request (<see cref="ErasureCommand"/>); <c>database migrate</c> only brings the
/// schema up to date (every start does that first), for a deployment whose instances log in without the right to change
/// the schema.
/// </summary>
public static class OperatorCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "users" or "sims" or "audit" or "keys" or "erase" or "database";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        return args switch
        {
            ["users", ..] => await UserCommands.RunAsync(services, args, input, output, cancellationToken),
            ["sims", "import", "-"] => await ImportSimsAsync(services, await ReadInputAsync(input, cancellationToken), output, cancellationToken),
            ["sims", "import", var file] when !File.Exists(file) => await NoFileAsync(file, output),
            ["sims", "import", var file] => await ImportSimsAsync(services, await File.ReadAllBytesAsync(file, cancellationToken), output, cancellationToken),
            ["audit", "verify"] => await VerifyAuditAsync(services, output, cancellationToken),
            ["erase", ..] => await ErasureCommand.RunAsync(services, args, input, output, cancellationToken),
            ["keys", "rotate"] => await KeyCommands.RotateAsync(services, KeyRotation.DefaultBatchSize, output, cancellationToken),
            ["keys", "rotate", "--batch-size", var size] when int.TryParse(size, out var batchSize) && batchSize > 0 =>
                await KeyCommands.RotateAsync(services, batchSize, output, cancellationToken),
            ["database", "migrate"] => await ReportMigratedAsync(output),
            _ => await UsageAsync(output),
        };
    }

    private static async Task<int> NoFileAsync(string file, TextWriter output)
    {
        await output.WriteLineAsync($"No file '{file}'.");
        return 2;
    }

    /// <summary>
    /// The CSV piped in, so the numbers are never written to a file on the host or in the container. Standard input reaches
    /// the command already decoded, a byte that was not UTF-8 as U+FFFD: that character is written back as a byte UTF-8
    /// never uses, so <see cref="SimCsvReader"/> refuses the input as it refuses such a file.
    /// </summary>
    private static async Task<byte[]> ReadInputAsync(TextReader input, CancellationToken cancellationToken)
    {
        var text = await input.ReadToEndAsync(cancellationToken);
        var undecodable = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        return undecodable < 0 ? Encoding.UTF8.GetBytes(text) : [.. Encoding.UTF8.GetBytes(text[..undecodable]), NotUtf8];
    }

    /// <summary>A byte that appears in no UTF-8 text.</summary>
    private const byte NotUtf8 = 0xFF;

    private static async Task<int> ImportSimsAsync(IServiceProvider services, byte[] file, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<SimRegistry>().ImportAsync(file, cancellationToken);
        await services.GetRequiredService<AuditTrail>().RecordAsync(
            AuditEntry.ByActor(AuditActors.Operator, AuditActions.SimsImported, null, report.Refused is null ? AuditOutcomes.Succeeded : AuditOutcomes.Refused),
            cancellationToken);
        if (report.Refused is not null)
        {
            await output.WriteLineAsync($"Nothing imported: {report.Refused}");
            return 2;
        }

        await output.WriteLineAsync($"Imported {report.Imported} SIM(s); rejected {report.Rejected.Count}.");
        foreach (var row in report.Rejected)
        {
            await output.WriteLineAsync($"  line {row.Line}: {row.Reason}");
        }

        return report.Rejected.Count == 0 ? 0 : 1;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
        await output.WriteLineAsync(verification.Describe());
        return verification.Intact ? 0 : 1;
    }

    /// <summary>The migrations ran before any command (<see cref="HotlineStartup"/>); a failure stopped the start with its line.</summary>
    private static async Task<int> ReportMigratedAsync(TextWriter output)
    {
        await output.WriteLineAsync("The database schema is up to date.");
        return 0;
    }

    private static async Task<int> UsageAsync(TextWriter output)
    {
        await output.WriteLineAsync(UserCommands.Usage);
        await output.WriteLineAsync("       sims import - | FILE   (CSV with the header phone_number,language,issued_on,programme, on standard input or in a file)");
        await output.WriteLineAsync("       audit verify   (walks the audit chain; exits 1 at the first row that does not verify)");
        await output.WriteLineAsync(ErasureCommand.Usage);
        await output.WriteLineAsync($"       keys rotate [--batch-size N]   (re-encrypts every value not under the current key, {KeyRotation.DefaultBatchSize} rows a batch; exits 1 if any value does not decrypt)");
        await output.WriteLineAsync("       database migrate   (applies the migrations and exits: run it as the login that owns the schema)");
        return 2;
    }
}
