namespace Hotline.Api.Casework;

/// <summary>Hub groups. Membership comes only from the server's user record, never from what a client asks for.</summary>
public static class CaseGroups
{
    public const string Supervisors = "supervisors";
    public const string Staff = "staff";

    public static string Language(string language) => $"language:{language.ToLowerInvariant()}";

    public static string User(Guid userId) => $"user:{userId}";

    public static string Case(Guid caseId) => $"case:{caseId}";
}
