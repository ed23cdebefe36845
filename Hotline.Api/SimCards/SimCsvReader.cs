using CsvHelper;
using CsvHelper.Configuration;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.SimCards;

public sealed record IssuedSim(ChannelAddress Phone, string Language, string IssuedOn, string Programme);

/// <summary>
/// Reads the issued-SIM file: header <c>phone_number,language,issued_on,programme</c>, UTF-8, one SIM per
/// line. A row that does not parse is reported with its line number and reason; the file as a whole is
/// refused only when its header or encoding is wrong.
/// </summary>
public static partial class SimCsvReader
{
    public const string Header = "phone_number,language,issued_on,programme";
    public const int MaxProgrammeLength = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="script">The intake's languages: a SIM in any other would be greeted with the language menu, not in its language.</param>
    public static (IReadOnlyList<IssuedSim> Sims, IReadOnlyList<RejectedRow> Rejected, string? Refused) Read(byte[] file, string? defaultRegion, IntakeScript script)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(file);
        }
        catch (DecoderFallbackException ex)
        {
            return ([], [], $"The file is not UTF-8 (an invalid byte at offset {ex.Index}); save it as UTF-8 and import again.");
        }

        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (!csv.Read() || string.Join(",", csv.Parser.Record ?? []).Trim() != Header)
        {
            return ([], [], $"Line 1 must be the header '{Header}'.");
        }

        var records = new List<(int Line, string[] Fields)>();
        while (csv.Read())
        {
            if (csv.Parser.Record is { } fields && !fields.All(string.IsNullOrWhiteSpace))
            {
                records.Add((csv.Parser.RawRow, fields));
            }
        }

        // Normalising a phone number is the costly part; rows are independent, so they are checked in parallel, in order.
        var parsed = records.AsParallel().AsOrdered()
            .Select(r => (r.Line, Ok: TryParse(r.Fields, defaultRegion, script, out var sim, out var reason), Sim: sim, Reason: reason))
            .ToList();
        return (parsed.Where(p => p.Ok).Select(p => p.Sim).ToList(),
            parsed.Where(p => !p.Ok).Select(p => new RejectedRow(p.Line, p.Reason)).ToList(), null);
    }

    private static bool TryParse(string[] fields, string? defaultRegion, IntakeScript script, out IssuedSim sim, out string reason)
    {
        sim = null!;
        if (fields.Length != 4)
        {
            reason = $"expected 4 fields, found {fields.Length}";
            return false;
        }

        var (phone, language, issuedOn, programme) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim());
        if (!ChannelAddress.TryPhone(Channel.Sms, phone, defaultRegion, out var address, out var phoneError))
        {
            reason = phoneError;
            return false;
        }

        reason = (language, issuedOn, programme) switch
        {
            _ when !LanguageTag().IsMatch(language) => $"'{language}' is not a BCP-47 language tag (such as ne, ar, fil)",
            _ when script.LanguageOf(language) is null =>
                $"'{language}' is not a language the intake speaks ({string.Join(", ", script.Languages.Select(l => l.Tag))})",
            _ when !DateOnly.TryParseExact(issuedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                $"issued_on '{issuedOn}' is not a date in the form yyyy-MM-dd",
            _ when programme.Length is 0 or > MaxProgrammeLength => $"programme must have 1 to {MaxProgrammeLength} characters",
            _ => "",
        };
        if (reason.Length > 0)
        {
            return false;
        }

        sim = new IssuedSim(address, script.LanguageOf(language)!, issuedOn, programme);
        return true;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
