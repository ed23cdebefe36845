namespace Hotline.Api.Storage;

/// <summary>
/// How one engine opens sessions: what <see cref="Database"/> switches between. Features never see it;
/// they ask <see cref="Database"/> for sessions and run statements on them.
/// </summary>
internal interface IDatabaseEngine : IAsyncDisposable
{
    /// <inheritdoc cref="Database.OpenAsync"/>
    Task<DbSession> OpenAsync(CancellationToken cancellationToken);

    /// <inheritdoc cref="Database.BeginWriteAsync"/>
    Task<DbSession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <inheritdoc cref="Database.WriteAsync{T}"/>
    Task<T> WriteAsync<T>(Func<DbSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
