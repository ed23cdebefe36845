namespace Hotline.Api.Outcomes;

/// <summary>Why a command was refused, which decides the HTTP status it maps to.</summary>
public enum Refusal
{
    /// <summary>What the command names is not there (404).</summary>
    NotFound,

    /// <summary>It is there, but not the caller's to act on (403).</summary>
    Forbidden,

    /// <summary>The input is wrong (400).</summary>
    Invalid,

    /// <summary>The state has moved on: a step out of order, a lost lease, a case taken by a colleague (409).</summary>
    Conflict,
}

/// <summary>
/// A command's value, or why it was refused with a sentence the person reads as it is. A refused command
/// changed nothing. HTTP endpoints and the hub map it in one place each (<see cref="OutcomeMappings"/>).
/// </summary>
public sealed record Outcome<T>(T? Value, Refusal? Refusal, string? Detail)
{
    public static Outcome<T> Done(T value) => new(value, null, null);

    public static Outcome<T> Refused(Refusal refusal, string detail) => new(default, refusal, detail);

    /// <summary>The same refusal for a command of another value type.</summary>
    public Outcome<TOther> As<TOther>() => new(default, Refusal, Detail);
}
