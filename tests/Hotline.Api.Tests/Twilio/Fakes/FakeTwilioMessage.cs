namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// A message the fake accepted through <c>POST .../Messages.json</c>, as the client sent it; a WhatsApp template
/// comes as <see cref="ContentSid"/> (and <see cref="ContentVariables"/>) instead of a body.
/// </summary>
public sealed record CreatedMessage(
    string Sid,
    string To,
    string? From,
    string? Body,
    string? MessagingServiceSid,
    string? StatusCallback,
    IReadOnlyList<string> MediaUrls,
    string? ContentSid = null,
    string? ContentVariables = null);

/// <summary>One stored message, outbound or inbound, as the fake renders it on the wire.</summary>
internal sealed record StoredMessage(
    long Sequence,
    string Sid,
    string To,
    string? From,
    string Body,
    string? MessagingServiceSid,
    string Status,
    string Direction,
    int NumMedia,
    DateTimeOffset Created,
    int? ErrorCode = null);

/// <summary>What the next create request meets, arranged by the test.</summary>
internal abstract record Fault
{
    internal sealed record Fail(int StatusCode) : Fault;

    /// <summary>Refused with 400 and Twilio's error; <c>{To}</c> in the text is replaced by the recipient, as Twilio's texts quote it.</summary>
    internal sealed record Reject(int Code, string Message) : Fault;

    internal sealed record FailAfterCreating(int StatusCode) : Fault;

    internal sealed record Hang(TimeSpan Delay) : Fault;

    internal sealed record HoldUntilAnother(TaskCompletionSource Release) : Fault;

    /// <summary>A gateway or proxy in front of Twilio answers its own HTML page with the status, before or after the message was created.</summary>
    internal sealed record GatewayPage(int StatusCode, bool AfterCreating) : Fault;

    /// <summary>The message is created and its 201 answer cut off halfway through its JSON.</summary>
    internal sealed record CutAnswer : Fault;

    /// <summary>The message is created and the answer is 201 with <paramref name="Body"/>: an empty object, or nothing.</summary>
    internal sealed record EmptyAnswer(string Body) : Fault;

    /// <summary>The connection is dropped without an answer, before or after the message was created.</summary>
    internal sealed record Drop(bool AfterCreating) : Fault;
}
