namespace Hotline.Api.Accountability;

/// <summary>
/// Who makes a change and from which address: handed to a service that writes the change's audit row in the same
/// transaction as the change (an account's lifecycle), so a change is never committed without its row.
/// </summary>
public sealed record AuditSource(string Actor, string? ClientAddress)
{
    /// <summary>The operator's command line, on the machine itself.</summary>
    public static readonly AuditSource Operator = new(AuditActors.Operator, null);

    /// <summary>The signed-in caller of a request (anonymous when none), from the connection's address as the forwarded headers left it.</summary>
    public static AuditSource Of(HttpContext context) =>
        new(context.User.Identity?.IsAuthenticated == true ? context.User.UserId().ToString() : AuditActors.Anonymous,
            context.Connection.RemoteIpAddress?.ToString());

    public AuditEntry Entry(string action, object? subject, string outcome = AuditOutcomes.Succeeded) =>
        new(Actor, action, subject?.ToString(), ClientAddress, outcome);
}
