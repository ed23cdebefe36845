using Hotline.Api.Storage.Sqlite;

namespace Hotline.Api.Storage;

public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        services.AddSingleton<Database>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton(WriteAheadLogLimits.Default);
        services.AddHostedService<WriteAheadLogCheckpointJob>();
        return services;
    }
}
