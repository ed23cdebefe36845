using static Hotline.Api.Tests.Storage.StatementOwnership;

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Every SQL statement is run by exactly one repository or store class; endpoints and hubs call that
/// class. The first test holds the API to it; the others show that the check fails where it should.
/// </summary>
public sealed class StatementOwnershipTests
{
    private static readonly string[] SomeFiles = ["Cases_ReadById", "Cases_Close", "Users_ReadById"];

    private static IReadOnlyList<string> ShippedStatementFiles() =>
        [.. SqlStatements.FileNames(null), .. SqlStatements.FileNames(DatabaseProvider.Sqlite)];

    private static SourceFile Class(string path, string space, string declaration) =>
        new(path, $"namespace {space};\n\n{declaration}\n");

    [Fact]
    public void Every_statement_of_the_api_is_named_by_exactly_one_class_and_has_its_file()
    {
        var sources = ReadProject(Path.Combine(PublishedImage.RepositoryRoot, "Hotline.Api"));

        var violations = Violations(sources, ShippedStatementFiles());

        // Every violation on a line of its own: an empty-collection assertion would cut the list short.
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Sources_that_follow_the_rule_pass()
    {
        SourceFile[] sources =
        [
            Class("Cases/CaseQueue.cs", "Hotline.Api.Cases", """
                public sealed class CaseQueue
                {
                    public Task<CaseRecord?> FindAsync(DbSession session, Guid id, CancellationToken ct) =>
                        session.QuerySingleOrDefaultAsync<CaseRecord>("Cases_ReadById", new { Id = id }, ct);

                    public Task CloseAsync(DbSession session, Guid id, CancellationToken ct) => RunAsync(session, "Cases_Close", id, ct);

                    private Task RunAsync(DbSession session, string statement, Guid id, CancellationToken ct) =>
                        session.ExecuteAsync(statement, new { Id = id }, ct);
                }
                """),
            Class("Users/UserRepository.cs", "Hotline.Api.Users", """
                public sealed class UserRepository
                {
                    private const string Folder = "App_Data";

                    public Task<User?> FindAsync(DbSession session, Guid id, CancellationToken ct) =>
                        session.QuerySingleOrDefaultAsync<User>("Users_ReadById", new { Id = id }, ct);
                }
                """),
        ];

        Assert.Empty(Violations(sources, SomeFiles));
    }

    [Fact]
    public void A_name_without_a_file_fails_and_so_does_the_file_it_should_have_named()
    {
        SourceFile[] sources =
        [
            Class("Cases/CaseQueue.cs", "Hotline.Api.Cases", """
                public sealed class CaseQueue
                {
                    public Task CloseAsync(DbSession session, Guid id, CancellationToken ct) => RunAsync(session, "Cases_Closed", id, ct);

                    public Task<CaseRecord?> FindAsync(DbSession session, Guid id, CancellationToken ct) =>
                        session.QuerySingleOrDefaultAsync<CaseRecord>("Cases_ReadById", new { Id = id }, ct);
                }
                """),
            Class("Users/UserRepository.cs", "Hotline.Api.Users", """
                public sealed class UserRepository
                {
                    public Task<User?> FindAsync(DbSession session, Guid id, CancellationToken ct) =>
                        session.QuerySingleOrDefaultAsync<User>("Users_ReadById", new { Id = id }, ct);
                }
                """),
        ];

        Assert.Equal(
            [
                "Cases_Close: a statement file that no code names",
                "Cases_Closed: named by Hotline.Api.Cases.CaseQueue, but there is no file Storage/Sql/Cases_Closed.sql",
            ],
            Violations(sources, SomeFiles));
    }

    [Fact]
    public void Any_literal_handed_to_a_session_as_its_statement_is_a_statement_name()
    {
        SourceFile[] sources =
        [
            Class("Users/UserRepository.cs", "Hotline.Api.Users", """
                public sealed class UserRepository
                {
                    public Task<User?> FindAsync(DbSession session, Guid id, bool old, CancellationToken ct) =>
                        session.QuerySingleOrDefaultAsync<User>(old ? "Userz_ReadById" : "Users_ReadById", new { Id = id }, ct);
                }
                """),
        ];

        Assert.Equal(
            ["Userz_ReadById: named by Hotline.Api.Users.UserRepository, but there is no file Storage/Sql/Userz_ReadById.sql"],
            Violations(sources, ["Users_ReadById"]));
    }

    [Fact]
    public void A_statement_named_from_two_classes_fails()
    {
        SourceFile[] sources =
        [
            Class("Cases/CaseQueue.cs", "Hotline.Api.Cases", """
                public sealed class CaseQueue
                {
                    public Task<CaseRecord?> FindAsync(DbSession session, Guid id, CancellationToken ct) =>
                        session.QuerySingleOrDefaultAsync<CaseRecord>("Cases_ReadById", new { Id = id }, ct);
                }
                """),
            Class("Referrals/ReferralWorkflow.cs", "Hotline.Api.Referrals", """
                public sealed class ReferralWorkflow
                {
                    private sealed record Check(DbSession Session)
                    {
                        public Task<CaseRecord> CaseAsync(Guid id, CancellationToken ct) =>
                            Session.QuerySingleAsync<CaseRecord>("Cases_ReadById", new { Id = id }, ct);
                    }
                }
                """),
        ];

        Assert.Equal(
            ["Cases_ReadById: run from 2 classes (Hotline.Api.Cases.CaseQueue, Hotline.Api.Referrals.ReferralWorkflow); one owner runs it and the others call the owner"],
            Violations(sources, ["Cases_ReadById"]));
    }

    [Fact]
    public void An_endpoint_that_runs_a_statement_fails_even_as_its_only_user()
    {
        SourceFile[] sources =
        [
            Class("Partners/PartnerEndpoints.cs", "Hotline.Api.Partners", """
                public static class PartnerEndpoints
                {
                    public static async Task<Ok<IReadOnlyList<User>>> GetNgoAccounts(Database database, CancellationToken ct)
                    {
                        await using var session = await database.OpenAsync(ct);
                        return TypedResults.Ok((await session.QueryAsync<User>("Users_ReadByRole", new { Role = "Ngo" }, ct)).ToList());
                    }
                }
                """),
        ];

        Assert.Equal(
            ["Users_ReadByRole: run from Hotline.Api.Partners.PartnerEndpoints, an endpoint or hub; it calls the owner class instead"],
            Violations(sources, ["Users_ReadByRole"]));
    }

    [Fact]
    public void A_statement_name_built_at_run_time_fails()
    {
        SourceFile[] sources =
        [
            Class("Referrals/ReferralRepository.cs", "Hotline.Api.Referrals", """
                public sealed class ReferralRepository
                {
                    public Task StepAsync(DbSession session, string step, Guid id, CancellationToken ct) =>
                        session.ExecuteAsync($"Referrals_{step}", new { Id = id }, ct);
                }
                """),
        ];

        Assert.Equal(
            [
                "Hotline.Api.Referrals.ReferralRepository: builds a statement name at run time ($\"Referrals_{step}\"); write the name whole so it can be checked",
                "Referrals_Send: a statement file that no code names",
            ],
            Violations(sources, ["Referrals_Send"]));
    }
}
