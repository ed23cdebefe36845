using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Hotline.Benchmarks;

/// <summary>
/// The floor under the webhook: the least an ASP.NET Core endpoint can do and still acknowledge durably.
/// It reads the form and inserts one row per request, with no signature check, no deduplication, no
/// encryption and no engine, on a SQLite file in WAL mode with synchronous=FULL (each commit syncs the log
/// before it returns, as the product's writer does after each commit of its own), a busy timeout and a
/// pooled connection per request. Whatever the hotline does beyond this is its own cost.
/// </summary>
internal sealed class FloorServer : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private readonly WebApplication _app;

    private FloorServer(WebApplication app, Uri target, string connectionString)
    {
        _app = app;
        Target = target;
        ConnectionString = connectionString;
    }

    public Uri Target { get; }

    public string ConnectionString { get; }

    public static async Task<FloorServer> StartAsync(string folder)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "floor.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using (var setup = new SqliteConnection(connectionString))
        {
            setup.Open();
            Execute(setup, "PRAGMA journal_mode = WAL; CREATE TABLE Inbound (MessageSid TEXT NOT NULL, FromNumber TEXT NOT NULL, Body TEXT NOT NULL, ReceivedAt TEXT NOT NULL);");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost(SignedSmsWebhooks.Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // The product's per-connection settings (SqliteConnections.ConfigureSession), applied the same way:
            // once per native connection of the pool.
            if (!Configured.TryGetValue(connection.Handle!, out _))
            {
                Execute(connection, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;");
                Configured.AddOrUpdate(connection.Handle!, Configured);
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Inbound (MessageSid, FromNumber, Body, ReceivedAt) VALUES ($sid, $from, $body, $at)";
            insert.Parameters.AddWithValue("$sid", form["MessageSid"].ToString());
            insert.Parameters.AddWithValue("$from", form["From"].ToString());
            insert.Parameters.AddWithValue("$body", form["Body"].ToString());
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return Results.Content(EmptyTwiml, "text/xml");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FloorServer(app, new Uri(new Uri(address), SignedSmsWebhooks.Path), connectionString);
    }

    /// <summary>Rows written, to show the floor really stored what it acknowledged.</summary>
    public long CountRows()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Inbound";
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
