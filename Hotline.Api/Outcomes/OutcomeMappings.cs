using Hotline.Api.Casework;

namespace Hotline.Api.Outcomes;

/// <summary>The one mapping of an <see cref="Outcome{T}"/> to HTTP, and the one to the hub's answer.</summary>
public static class OutcomeMappings
{
    /// <summary>200 with the value; a refusal as problem details: 404 not found, 403 forbidden, 400 invalid, 409 conflict.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this Outcome<T> outcome) => outcome.Refusal switch
    {
        null => TypedResults.Ok(outcome.Value!),
        not null => outcome.ToProblem(),
    };

    /// <summary>A refused outcome as problem details, for an endpoint whose success is not the outcome's value as it is.</summary>
    public static ProblemHttpResult ToProblem<T>(this Outcome<T> refused) =>
        TypedResults.Problem(detail: refused.Detail, statusCode: StatusCode(refused.Refusal ?? throw new InvalidOperationException("The outcome was not refused.")));

    /// <summary>The hub's answer: the console shows the refusal's sentence as it is.</summary>
    public static ActionAnswer<T> ToAnswer<T>(this Outcome<T> outcome) =>
        outcome.Refusal is null ? ActionAnswer<T>.Done(outcome.Value!) : ActionAnswer<T>.Refused(outcome.Detail ?? "");

    public static int StatusCode(Refusal refusal) => refusal switch
    {
        Refusal.NotFound => StatusCodes.Status404NotFound,
        Refusal.Forbidden => StatusCodes.Status403Forbidden,
        Refusal.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };
}
