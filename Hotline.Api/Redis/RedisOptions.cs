using StackExchange.Redis;

namespace Hotline.Api.Redis;

/// <summary>
/// Redis, for what several API instances must share beyond the database: today the send rate of each
/// sending number. Optional: one instance (the SQLite default) keeps that in process.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Hotline:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=...,abortConnect=false</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Kept out of the connection string so that it alone can come from a secret file (<c>Hotline:SecretsDirectory</c>).</summary>
    public string? Password { get; set; }

    public string? ConnectionStringWithPassword()
    {
        if (!Configured || Password is null)
        {
            return ConnectionString;
        }

        var options = ConfigurationOptions.Parse(ConnectionString!);
        options.Password = Password;
        return options.ToString(includePassword: true);
    }

    public bool Configured => !string.IsNullOrWhiteSpace(ConnectionString);
}

internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (options.Password is not null && (!options.Configured || string.IsNullOrWhiteSpace(options.Password)))
        {
            return ValidateOptionsResult.Fail(options.Configured
                ? $"{RedisOptions.Section}:Password is empty (a secret file left empty?)."
                : $"{RedisOptions.Section}:Password needs {RedisOptions.Section}:ConnectionString.");
        }

        if (!options.Configured)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            ConfigurationOptions.Parse(options.ConnectionString!);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{RedisOptions.Section}:ConnectionString does not parse: {ex.Message}");
        }
    }
}
