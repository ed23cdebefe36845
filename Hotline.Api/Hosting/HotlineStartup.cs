using Hotline.Api.Referrals;
using Hotline.Api.SessionKeys;
using Hotline.Api.Statistics;
using Hotline.Bot.Intake.Loading;
using Hotline.Bot.Intake.Scripts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotline.Api.Hosting;

public static class HotlineStartup
{
    /// <summary>
    /// Checks the configuration, brings the database to the current schema, then serves. A bad setting
    /// or an unreachable database stops the start with one line that names the problem, not a stack trace.
    /// </summary>
    public static async Task<int> RunHotlineAsync(this WebApplication app, string[] args)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            _ = app.Services.GetRequiredService<IConversationEngine>();
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(
                app.Lifetime.ApplicationStopping, app.Services.GetRequiredService<SessionKeyRingCheck>().CheckAsync);
            await app.Services.GetRequiredService<CaseOutcomeBackfill>().RunAsync(app.Lifetime.ApplicationStopping);
            await app.Services.GetRequiredService<ReferralRegionBackfill>().RunAsync(app.Lifetime.ApplicationStopping);
            await app.Services.GetRequiredService<CaseLanguageBackfill>().RunAsync(app.Lifetime.ApplicationStopping);
            await app.Services.GetRequiredService<StatisticsLanguages>().RegisterAsync(
                [.. app.Services.GetRequiredService<IntakeScript>().Languages.Select(language => language.Tag)], app.Lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException or DatabaseUnavailableException
            or ScriptValidationException or TriageRulesException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Hotline cannot start: {OneLine(ex)}");
            return 1;
        }

        if (OperatorCommands.IsCommand(args))
        {
            return await OperatorCommands.RunAsync(app.Services, args, Console.In, Console.Out, app.Lifetime.ApplicationStopping);
        }

        var created = app.Environment.IsDevelopment()
            ? await app.Services.GetRequiredService<UserAccounts>().CreateDevelopmentAccountsAsync(
                ["en", "ar", "hi", "ur", "bn", "ne", "ml", "ta", "te", "si", "fil", "id", "am", "sw"],
                app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DevelopmentAccountsForEveryRole, app.Lifetime.ApplicationStopping)
            : [];

        // The one-time passwords come last, after the address: shown once, they were lost among the migrations' lines above them.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            AnnounceAddresses(app);
            AnnounceDevelopmentAccounts(app, created);
        });
        await app.RunAsync();
        return 0;
    }

    private static void AnnounceDevelopmentAccounts(WebApplication app, IEnumerable<(User User, string Password)> accounts)
    {
        foreach (var (user, password) in accounts)
        {
            app.Logger.LogWarning("{Created} Sign in as '{UserName}' with the one-time password {Password} (shown once); you choose your own at the first sign-in.",
                Created(user.Role), user.UserName, password);
        }
    }

    /// <summary>What each Development account is for, so a newcomer knows which one shows what.</summary>
    private static string Created(UserRole role) => role switch
    {
        UserRole.Admin => "Created the first admin for Development (accounts, partners, SIM cards; no case content).",
        UserRole.Supervisor => "Created a supervisor for Development (the queue, every case, the supervisor view).",
        UserRole.Caseworker => "Created a caseworker for Development (the queue and the cases in every intake language; no supervisor view).",
        UserRole.Ngo => "Created a partner NGO account for Development (its organisation's referrals and the statistics; never a case): "
            + "as admin, add a partner at /console/partners.html and link this account to it, and the referrals sent to it reach this account.",
        _ => $"Created a {role} account for Development.",
    };

    private static string OneLine(Exception ex) => ex switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        ScriptValidationException script => string.Join(" ", script.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        AggregateException aggregate => string.Join(" ", aggregate.InnerExceptions.Select(OneLine)),
        InvalidOperationException { InnerException: { } inner } invalid when invalid.Message.StartsWith("Failed to convert", StringComparison.Ordinal) =>
            $"{invalid.Message} ({inner.Message})",
        _ => ex.Message,
    };

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("Hotline is running. Console: {Console}  Health: {Health}", $"{address}/console/", $"{address}/health");
        }
    }
}
