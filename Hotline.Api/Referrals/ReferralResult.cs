using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Api.Referrals;

public enum ReferralRefusal
{
    NotFound,
    Forbidden,
    Invalid,
    OutOfOrder,
}

/// <summary>A referral action's value, or why it was refused; a refused action changed nothing.</summary>
public sealed record ReferralResult<T>(T? Value, ReferralRefusal? Refusal, string? Detail)
{
    public static ReferralResult<T> Done(T value) => new(value, null, null);

    public static ReferralResult<T> Refused(ReferralRefusal refusal, string detail) => new(default, refusal, detail);

    public ReferralResult<TOther> As<TOther>() => new(default, Refusal, Detail);

    /// <summary>404 for what is not there, 403 for what is not the caller's, 400 for bad input, 409 for a step out of order.</summary>
    public Results<Ok<T>, ProblemHttpResult> ToHttp() => Refusal switch
    {
        null => TypedResults.Ok(Value!),
        ReferralRefusal.NotFound => Problem(StatusCodes.Status404NotFound),
        ReferralRefusal.Forbidden => Problem(StatusCodes.Status403Forbidden),
        ReferralRefusal.Invalid => Problem(StatusCodes.Status400BadRequest),
        _ => Problem(StatusCodes.Status409Conflict),
    };

    private ProblemHttpResult Problem(int status) => TypedResults.Problem(detail: Detail, statusCode: status);
}
