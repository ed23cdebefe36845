namespace Hotline.Api.Erasure;

/// <summary>
/// The admin's erase action (<c>/console/erase.html</c>): the same <see cref="PersonErasure"/> as the
/// command line. The admin reads no case content, so the answer is counts only.
/// </summary>
public static class ErasureEndpoints
{
    /// <summary>Whom to erase: a phone number in E.164, or a chat person as CHANNEL:ID; <c>Force</c> erases even while a caseworker holds their case.</summary>
    public sealed record ErasureInput(string? Phone, string? Chat, bool Force);

    public static IEndpointRouteBuilder MapErasureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/erasures", Erase).WithName("ErasePerson")
            .WithSummary("Erases a person's personal data on request and answers with what was removed, counts only.")
            .WithTags("Erasure").RequireAuthorization(Policies.Administration).AddEndpointFilter<AntiforgeryFilter>();
        return app;
    }

    /// <summary>
    /// Erases every piece of personal data of the person with this phone number or chat id, keeping the anonymous
    /// case skeletons; 409 while a caseworker holds their case (unless forced); 400 for a malformed number, which changes nothing.
    /// </summary>
    public static async Task<Results<Ok<ErasureReport>, ProblemHttpResult>> Erase(ErasureInput input, HttpContext context, PersonErasure erasure,
        CancellationToken cancellationToken)
    {
        if (!ErasureRequest.TryParse(input.Phone, input.Chat, out var address, out var error))
        {
            return Outcome<ErasureReport>.Refused(Refusal.Invalid, error).ToHttp();
        }

        var entry = AuditEntry.By(context, AuditActions.PersonErased, null);
        var outcome = await erasure.EraseAsync(address, input.Force, entry.Actor, entry.ClientAddress, cancellationToken);
        return outcome.ToHttp();
    }
}
