using Hotline.Api.Storage.Sqlite;

namespace Hotline.Api.Storage;

public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<Database>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton(WriteAheadLogLimits.Default);
        services.AddHostedService<WriteAheadLogCheckpointJob>();
        return services;
    }
}
