namespace Hotline.Api.Users;

public enum UserRole
{
    Caseworker,
    Supervisor,
    Ngo,
    Admin,

    /// <summary>Reads and corrects the intake's translations in the languages it holds; reads no case.</summary>
    Reviewer,
}

/// <summary>A person who signs in. <see cref="Languages"/> are BCP-47 tags; they decide which cases the person is offered.</summary>
public sealed record User
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public UserRole Role { get; init; }
    public string PasswordHash { get; init; } = "";
    public Guid? OrganisationId { get; init; }
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public bool Disabled { get; init; }

    /// <summary>Set by an operator's reset: the one-time password only lets its holder choose a new one.</summary>
    public bool MustChangePassword { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Changes whenever what a session was granted changes; a session signed in under another stamp is refused.</summary>
    public string SecurityStamp { get; init; } = "";
}
