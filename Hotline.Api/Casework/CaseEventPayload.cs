namespace Hotline.Api.Casework;

/// <summary>What the stream to the consoles reads from a case event's data; the rest of it is for the case's history.</summary>
/// <param name="FromUserId">Whose claim a supervisor took over (<see cref="CaseEventTypes.TakenOver"/>) or ran out (<see cref="CaseEventTypes.LeaseExpired"/>): her consoles are told.</param>
public sealed record CaseEventPayload(Guid? MessageId, string? Status, string? Error, string? FromLanguage, Guid? FromUserId = null)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads an event's data; throws <see cref="JsonException"/> when it is not a JSON object or message news names no message.</summary>
    public static CaseEventPayload Read(CaseEvent caseEvent)
    {
        var payload = JsonSerializer.Deserialize<CaseEventPayload>(caseEvent.Data, Options)
            ?? throw new JsonException("The case event's data is null.");
        return payload.MessageId is null && caseEvent.Type is CaseEventTypes.MessageReceived or CaseEventTypes.ReplyQueued or CaseEventTypes.MessageStatusChanged
            ? throw new JsonException("The case event's data names no message.")
            : payload;
    }
}
