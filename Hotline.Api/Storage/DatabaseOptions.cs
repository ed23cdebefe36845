namespace Hotline.Api.Storage;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Hotline:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=App_Data/hotline.db";

    /// <summary>
    /// SQL Server only: the login's password, kept out of the connection string so that the string can sit
    /// in plain configuration and the password alone come from a secret file (<c>Hotline:SecretsDirectory</c>).
    /// </summary>
    public string? Password { get; set; }

    public string ConnectionStringWithPassword() => Password is null
        ? ConnectionString
        : new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString) { Password = Password }.ConnectionString;
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:Provider must be Sqlite or SqlServer.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString is required.");
        }

        if (options.Password is not null && (options.Provider != DatabaseProvider.SqlServer || string.IsNullOrWhiteSpace(options.Password)))
        {
            return ValidateOptionsResult.Fail(options.Provider == DatabaseProvider.SqlServer
                ? $"{DatabaseOptions.Section}:Password is empty (a secret file left empty?)."
                : $"{DatabaseOptions.Section}:Password applies to SqlServer only.");
        }

        try
        {
            _ = options.Provider == DatabaseProvider.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource
                : new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(options.ConnectionString).DataSource;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:ConnectionString is not a valid {options.Provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
