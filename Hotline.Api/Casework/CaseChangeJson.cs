using System.Text.Json.Serialization;

namespace Hotline.Api.Casework;

/// <summary>
/// The hub's wire form of a <see cref="CaseChange"/>: one JSON array of positional fields, not an object.
/// Every change goes to every console of its language, and fan-out costs the API per frame: SignalR cuts a
/// push into 4 KB WebSocket frames, so a busy push of named changes (about 270 bytes each) took four frames
/// where one of these (about 120 bytes each) takes one. The positions, in order:
/// sequence, type, id, version, status, priority, triageScore, language, channel, queuedAt (Unix
/// milliseconds), reasons, conversationStatus, assigneeId, assigneeName, conversationStatusReason,
/// intakeQuestion, intakeQuestions (while the intake still asks: the band is provisional), earlierCases (a
/// number, the returning person's closed cases), answeredAt, unansweredSince (Unix milliseconds: a caseworker's last
/// reply, the person's first message after it), referral (sent, accepted, completed, declined), inDangerNow (true: the
/// person answered the danger question yes or wrote an urgent word), repliesRefusedFrom (Unix milliseconds: a WhatsApp
/// case's window closing when no re-engagement template is configured).
/// Nulls (and an earlierCases of 0, an inDangerNow of false) at the end are left out (a queued case has no assignee); a
/// reader takes a missing field as null (0, false).
/// </summary>
public sealed class CaseChangeJson : JsonConverter<CaseChange>
{
    /// <summary>Hub JSON as the API writes it and its clients must read it.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        // Other payloads stay named objects; leaving out their null fields keeps them short too.
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new CaseChangeJson());
    }

    public override void Write(Utf8JsonWriter writer, CaseChange value, JsonSerializerOptions options)
    {
        var summary = value.Case;
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Sequence);
        writer.WriteStringValue(value.Type);
        writer.WriteStringValue(summary.Id);
        writer.WriteNumberValue(summary.Version);
        writer.WriteStringValue(summary.Status);
        writer.WriteStringValue(summary.Priority);
        writer.WriteNumberValue(summary.TriageScore);
        writer.WriteStringValue(summary.Language);
        writer.WriteStringValue(summary.Channel);
        writer.WriteNumberValue(summary.QueuedAt.ToUnixTimeMilliseconds());
        writer.WriteStartArray();
        foreach (var reason in summary.Reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
        writer.WriteStringValue(summary.ConversationStatus);
        string?[] optional = [summary.AssigneeId?.ToString(), summary.AssigneeName, summary.ConversationStatusReason];
        var inIntake = summary.IntakeQuestion is not null && summary.IntakeQuestions is not null;
        var refusedFrom = summary.RepliesRefusedFrom;
        var throughHistory = summary.AnsweredAt is not null || summary.Referral is not null || summary.InDangerNow || refusedFrom is not null;
        var returning = summary.EarlierCases > 0 || throughHistory;
        var written = inIntake || returning ? optional.Length : Array.FindLastIndex(optional, field => field is not null) + 1;
        foreach (var field in optional.AsSpan(0, written))
        {
            writer.WriteStringValue(field);
        }

        if (inIntake || returning)
        {
            WriteOptionalNumber(writer, summary.IntakeQuestion);
            WriteOptionalNumber(writer, summary.IntakeQuestions);
        }

        if (returning)
        {
            writer.WriteNumberValue(summary.EarlierCases);
        }

        if (throughHistory)
        {
            WriteOptionalNumber(writer, summary.AnsweredAt?.ToUnixTimeMilliseconds());
            WriteOptionalNumber(writer, summary.UnansweredSince?.ToUnixTimeMilliseconds());
            if (summary.Referral is { } referral)
            {
                writer.WriteStringValue(referral);
            }
            else if (summary.InDangerNow || refusedFrom is not null)
            {
                writer.WriteNullValue();
            }

            if (summary.InDangerNow || refusedFrom is not null)
            {
                writer.WriteBooleanValue(summary.InDangerNow);
            }

            if (refusedFrom is { } from)
            {
                writer.WriteNumberValue(from.ToUnixTimeMilliseconds());
            }
        }

        writer.WriteEndArray();
    }

    public override CaseChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.Deserialize<JsonElement[]>(ref reader, options)
            ?? throw new JsonException("A case change is a JSON array, not null.");
        if (fields.Length < 12)
        {
            throw new JsonException($"A case change has at least 12 fields; this one has {fields.Length}.");
        }

        string? Optional(int index) => index < fields.Length ? fields[index].GetString() : null;
        int? OptionalNumber(int index) => index < fields.Length && fields[index].ValueKind == JsonValueKind.Number ? fields[index].GetInt32() : null;
        DateTimeOffset? OptionalTime(int index) => index < fields.Length && fields[index].ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(fields[index].GetInt64()) : null;
        var summary = new CaseSummary(
            fields[2].GetGuid(),
            fields[4].GetString()!,
            fields[5].GetString()!,
            fields[6].GetInt32(),
            fields[10].Deserialize<List<string>>(options)!,
            fields[7].GetString()!,
            fields[8].GetString()!,
            DateTimeOffset.FromUnixTimeMilliseconds(fields[9].GetInt64()),
            Optional(12) is { } assignee ? Guid.Parse(assignee) : null,
            Optional(13),
            fields[11].GetString()!,
            Optional(14),
            fields[3].GetInt32(),
            OptionalNumber(15),
            OptionalNumber(16),
            OptionalNumber(17) ?? 0,
            OptionalTime(18),
            OptionalTime(19),
            Optional(20),
            fields.Length > 21 && fields[21].ValueKind == JsonValueKind.True,
            OptionalTime(22));
        return new CaseChange(fields[0].GetInt64(), fields[1].GetString()!, summary);
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
