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
                ["en", "ar", "hi", "ur", "bn", "ne", "ml", "ta", "te", "si", "fil", "id", "am", "sw"], app.Lifetime.ApplicationStopping)
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
            if (user.Role == UserRole.Admin)
            {
                app.Logger.LogWarning("Created the first admin for Development (accounts, partners, SIM cards; no case content). "
                    + "Sign in as 'admin' with the one-time password {Password} (shown once); you choose your own at the first sign-in.", password);
            }
            else
            {
                app.Logger.LogWarning("Created a supervisor for Development (the queue, every case, the supervisor view). "
                    + "Sign in as 'supervisor' with the one-time password {Password} (shown once); you choose your own at the first sign-in.", password);
            }
        }
    }

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
