using Hotline.Bot.Intake.Engine;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.IntakeHost;

public static class IntakeHostServices
{
    public static IServiceCollection AddIntakeHost(this IServiceCollection services)
    {
        services.AddValidatedOptions<IntakeHostOptions, IntakeHostOptionsValidator>(IntakeHostOptions.Section);
        services.AddSingleton<IntakeScript>(provider =>
        {
            var file = provider.GetRequiredService<IOptions<IntakeHostOptions>>().Value.ScriptFile;
            if (string.IsNullOrWhiteSpace(file))
            {
                return IntakeScript.LoadDefault();
            }

            using var stream = File.OpenRead(file);
            return IntakeScript.Load(stream, file);
        });
        services.AddKeyedSingleton<IConversationEngine>(EngineFaultHandoff.GuardedEngine, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<IntakeHostOptions>>().Value;
            return new IntakeEngine(provider.GetRequiredService<IntakeScript>(), TriageRules.LoadDefault(), options.ToEngineOptions());
        });
        services.AddSingleton<EngineFaultHandoff>();
        services.AddSingleton<IConversationEngine>(provider => provider.GetRequiredService<EngineFaultHandoff>());
        services.AddSingleton<IntakeEngines>();
        services.AddHostedService<IntakeTimeoutJob>();
        return services;
    }
}
