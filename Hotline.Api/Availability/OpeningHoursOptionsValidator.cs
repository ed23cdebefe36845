using Hotline.Bot.Intake.Scripts;

namespace Hotline.Api.Availability;

/// <summary>Refuses, at start and in one line naming the key, hours that could not be kept: see <see cref="TeamScheduleReader"/>.</summary>
internal sealed class OpeningHoursOptionsValidator(IntakeScript script) : IValidateOptions<OpeningHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, OpeningHoursOptions options)
    {
        if (options.WaitCacheSeconds is < 1 or > 600)
        {
            return ValidateOptionsResult.Fail($"{OpeningHoursOptions.Section}:WaitCacheSeconds must be between 1 and 600.");
        }

        foreach (var (team, hours) in options.Teams)
        {
            if (team != OpeningHoursOptions.DefaultTeam && script.FindLanguage(team) is null)
            {
                return ValidateOptionsResult.Fail(
                    $"{OpeningHoursOptions.Section}:Teams:{team}: '{team}' is neither '{OpeningHoursOptions.DefaultTeam}' nor a language of the intake script.");
            }

            TeamScheduleReader.Read(team, hours, out var problem);
            if (problem is not null)
            {
                return ValidateOptionsResult.Fail(problem);
            }
        }

        return ValidateOptionsResult.Success;
    }
}
