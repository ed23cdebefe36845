namespace Hotline.Api.Partners;

/// <summary>
/// The partner directory: caseworkers read the active partners to choose where to refer; admins keep it
/// and link NGO accounts to their organisation.
/// </summary>
public static class PartnerEndpoints
{
    public sealed record NgoAccount(Guid Id, string UserName, string DisplayName, Guid? OrganisationId, bool Disabled);

    public sealed record OrganisationAssignment(Guid? OrganisationId);

    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/partners", GetActive).WithName("GetActivePartners").WithSummary("The active partner organisations, filtered by service, language and region, for a caseworker choosing a referral.").WithTags("Partners").RequireAuthorization(Policies.CaseData);
        var admin = app.MapGroup("/api/admin").WithTags("Partners").RequireAuthorization(Policies.Administration)
            .AddEndpointFilter<AntiforgeryFilter>();
        admin.MapGet("/partners", GetAll).WithName("GetAllPartners").WithSummary("Every partner organisation, active or not, for the admin's directory.");
        admin.MapPost("/partners", Create).WithName("CreatePartner").WithSummary("Adds a partner organisation to the directory.");
        admin.MapPut("/partners/{partnerId:guid}", Update).WithName("UpdatePartner").WithSummary("Changes a partner organisation; a stale version is refused.");
        admin.MapGet("/ngo-users", GetNgoAccounts).WithName("GetNgoAccounts").WithSummary("The NGO accounts and the organisation each is linked to.");
        admin.MapPut("/users/{userId:guid}/organisation", AssignOrganisation).WithName("AssignOrganisation").WithSummary("Links an NGO account to its organisation (or unlinks it).");
        return app;
    }

    /// <summary>Active partners, optionally only those offering a service, speaking a language or working in a region.</summary>
    public static async Task<Ok<IReadOnlyList<Partner>>> GetActive(
        string? service, string? language, string? region, Database database, PartnerRepository partners, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        IReadOnlyList<Partner> found = (await partners.ReadAllAsync(session, cancellationToken))
            .Where(p => p.Active)
            .Where(p => string.IsNullOrWhiteSpace(service) || p.Offers(service.Trim()))
            .Where(p => string.IsNullOrWhiteSpace(language) || p.Languages.Contains(language.Trim().ToLowerInvariant()))
            .Where(p => string.IsNullOrWhiteSpace(region) || p.Regions.Contains(region.Trim(), StringComparer.OrdinalIgnoreCase))
            .ToList();
        return TypedResults.Ok(found);
    }

    public static async Task<Ok<IReadOnlyList<Partner>>> GetAll(Database database, PartnerRepository partners, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await partners.ReadAllAsync(session, cancellationToken));
    }

    public static async Task<Results<Created<Partner>, ProblemHttpResult>> Create(
        PartnerInput input, HttpContext context, IntakeLanguageRule intakeLanguages, Database database, PartnerRepository partners, AuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (valid, error) = PartnerValidation.Check(input, intakeLanguages);
        if (valid is null)
        {
            return Problem(error!, StatusCodes.Status400BadRequest);
        }

        var now = time.GetUtcNow();
        var partner = Apply(new Partner { Id = RowIds.Version7(now), CreatedAt = now, Version = 1 }, valid, now) with { Active = valid.Active ?? true };
        await using var session = await database.BeginWriteAsync(cancellationToken);
        try
        {
            await partners.AddAsync(session, partner, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Problem($"A partner named '{partner.Name}' already exists.", StatusCodes.Status409Conflict);
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.PartnerCreated, partner.Id), cancellationToken);
        return TypedResults.Created($"/api/admin/partners/{partner.Id}", partner);
    }

    public static async Task<Results<Ok<Partner>, NotFound, ProblemHttpResult>> Update(
        Guid partnerId, PartnerInput input, HttpContext context, IntakeLanguageRule intakeLanguages, Database database, PartnerRepository partners,
        AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (valid, error) = PartnerValidation.Check(input, intakeLanguages);
        if (valid is null || valid.Version is null)
        {
            return Problem(error ?? "Send the version of the partner you edited.", StatusCodes.Status400BadRequest);
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await partners.FindByIdAsync(session, partnerId, cancellationToken) is not { } current)
        {
            return TypedResults.NotFound();
        }

        var changed = Apply(current, valid, time.GetUtcNow()) with { Active = valid.Active ?? current.Active };
        try
        {
            if (!await partners.UpdateAsync(session, changed, valid.Version.Value, cancellationToken))
            {
                return Problem("Someone changed this partner since you opened it; reload and edit again.", StatusCodes.Status409Conflict);
            }

            await session.CommitAsync(cancellationToken);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return Problem($"A partner named '{changed.Name}' already exists.", StatusCodes.Status409Conflict);
        }

        await audit.RecordAsync(AuditEntry.By(context, AuditActions.PartnerUpdated, partnerId), cancellationToken);
        return TypedResults.Ok(changed with { Version = valid.Version.Value + 1 });
    }

    public static async Task<Ok<IReadOnlyList<NgoAccount>>> GetNgoAccounts(Database database, UserRepository users, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        IReadOnlyList<NgoAccount> accounts = (await users.ReadByRoleAsync(session, UserRole.Ngo, cancellationToken))
            .Select(u => new NgoAccount(u.Id, u.UserName, u.DisplayName, u.OrganisationId, u.Disabled)).ToList();
        return TypedResults.Ok(accounts);
    }

    /// <summary>Links an NGO account to the partner it works for (or unlinks it with null): what scopes its referrals.</summary>
    public static async Task<Results<Ok<NgoAccount>, NotFound, ProblemHttpResult>> AssignOrganisation(
        Guid userId, OrganisationAssignment assignment, HttpContext context, Database database, UserRepository users, PartnerRepository partners,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await users.FindByIdAsync(session, userId, cancellationToken) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (user.Role != UserRole.Ngo)
        {
            return Problem("Only an NGO account belongs to an organisation.", StatusCodes.Status400BadRequest);
        }

        if (assignment.OrganisationId is { } organisationId && await partners.FindByIdAsync(session, organisationId, cancellationToken) is null)
        {
            return Problem($"No partner has the id {organisationId}.", StatusCodes.Status400BadRequest);
        }

        await users.UpdateOrganisationAsync(session, userId, assignment.OrganisationId, cancellationToken);
        await session.CommitAsync(cancellationToken);
        await audit.RecordAsync(AuditEntry.By(context, AuditActions.UserOrganisationChanged, userId), cancellationToken);
        return TypedResults.Ok(new NgoAccount(user.Id, user.UserName, user.DisplayName, assignment.OrganisationId, user.Disabled));
    }

    private static Partner Apply(Partner partner, PartnerInput valid, DateTimeOffset now) => partner with
    {
        Name = valid.Name!,
        Services = valid.Services!,
        Languages = valid.Languages!,
        Regions = valid.Regions!,
        ContactName = valid.ContactName,
        ContactEmail = valid.ContactEmail,
        ContactPhone = valid.ContactPhone,
        UpdatedAt = now,
    };

    private static ProblemHttpResult Problem(string detail, int status) => TypedResults.Problem(detail: detail, statusCode: status);
}
