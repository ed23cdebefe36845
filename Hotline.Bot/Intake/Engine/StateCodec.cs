using System.Text.Encodings.Web;
using System.Text.Json.Serialization.Metadata;

namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Reads and writes <see cref="IntakeState"/>. Reading trusts nothing: a state that does not parse, has another
/// version, or names a step this script lacks is reported unusable, and the engine starts again at a safe step.
/// </summary>
internal sealed class StateCodec
{
    /// <summary>Free text is clipped to this many UTF-16 units: enough for a place, not for a diary.</summary>
    public const int MaxTextLength = 500;

    // A state written by this engine is a few hundred bytes; anything far larger was not.
    private const int MaxStateLength = 16 * 1024;

    // The state is stored encrypted and never embedded in HTML, so non-ASCII need not be escaped: escaping
    // would make a Bengali place name six times longer.
    private static readonly JsonTypeInfo<IntakeState> TypeInfo = (JsonTypeInfo<IntakeState>)new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
        TypeInfoResolver = StateJsonContext.Default,
    }.GetTypeInfo(typeof(IntakeState));

    private readonly IntakeScript _script;

    public StateCodec(IntakeScript script) => _script = script;

    public bool TryRead(string? stored, out IntakeState state)
    {
        state = null!;
        if (string.IsNullOrEmpty(stored) || stored.Length > MaxStateLength)
        {
            return false;
        }

        IntakeState? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(stored, TypeInfo);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return false;
        }

        if (parsed is null || parsed.Version != IntakeState.CurrentVersion || parsed.StatusCode is not ("a" or "q" or "h"))
        {
            return false;
        }

        // A handed-off conversation no longer needs its step; the others must wait on a step this script has.
        if (parsed.Status != IntakeStatus.HandedOff && _script.FindStep(parsed.Step) is not { AwaitsAnswer: true })
        {
            return false;
        }

        if (_script.FindStep(parsed.ReturnStep) is not { AwaitsAnswer: true })
        {
            parsed.ReturnStep = null;
        }

        parsed.Answers = Clean(parsed.Answers, code => code is AnswerCodes.Yes or AnswerCodes.No or AnswerCodes.Unknown or AnswerCodes.Text);
        parsed.Texts = Clean(parsed.Texts, text => text is not null);
        parsed.LastInbound = Math.Max(0, parsed.LastInbound);
        if (parsed.Forgotten is { } forgotten && (!Enum.IsDefined(forgotten.Band) || forgotten.Score < 0 || forgotten.Reasons is null))
        {
            // Never a band the triage has not got, nor a re-score that throws: the triage of the (forgotten) nothing instead.
            parsed.Forgotten = null;
        }

        state = parsed;
        return true;
    }

    public string Write(IntakeState state)
    {
        if (state.Answers is { Count: 0 })
        {
            state.Answers = null;
        }

        if (state.Texts is { Count: 0 })
        {
            state.Texts = null;
        }

        return JsonSerializer.Serialize(state, TypeInfo);
    }

    /// <summary>The text, trimmed and clipped without splitting a surrogate pair.</summary>
    public static string Clip(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= MaxTextLength)
        {
            return trimmed;
        }

        var length = char.IsHighSurrogate(trimmed[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return trimmed[..length];
    }

    // Keeps only entries for steps of this script with a value that makes sense, so an edited script or a
    // tampered state never feeds the triage an answer to a question that was not asked.
    private Dictionary<string, string>? Clean(Dictionary<string, string>? entries, Func<string?, bool> valid)
    {
        if (entries is null)
        {
            return null;
        }

        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (step, value) in entries)
        {
            if (_script.FindStep(step) is { Kind: StepKind.YesNo or StepKind.Text } && valid(value))
            {
                kept[step] = value.Length > MaxTextLength ? Clip(value) : value;
            }
        }

        return kept;
    }
}
