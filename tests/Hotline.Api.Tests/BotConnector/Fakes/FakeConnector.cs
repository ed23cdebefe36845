using Microsoft.AspNetCore.Http.Features;

namespace Hotline.Api.Tests.BotConnector.Fakes;

/// <summary>
/// The Bot Connector's "reply to activity" operation on 127.0.0.1: POST
/// /v3/conversations/{conversationId}/activities/{activityId} with a bearer token from the login service
/// and a message activity. It records what it took, answers 200 with a resource id, and can be told to fail
/// before taking a reply (the reply is lost) or after (the reply arrived, the answer says otherwise), or to take
/// it and never answer.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    /// <summary>The status of a fault that takes the reply and holds the answer until the caller gives up.</summary>
    private const int NoAnswer = 0;

    private readonly Lock _gate = new();
    private readonly List<Reply> _replies = [];
    private readonly Queue<(int Status, bool AfterTaking)> _faults = new();
    private readonly Func<string, bool> _isIssued;
    private WebApplication? _app;
    private int _requests;

    private FakeConnector(Func<string, bool> isIssued) => _isIssued = isIssued;

    /// <summary>One reply the connector took: the ids from the path, the activity, and the Authorization header it came with.</summary>
    public sealed record Reply(string ConversationId, string ActivityId, JsonObject Activity, string Authorization);

    /// <summary>The service URL activities name; replies must come back to it.</summary>
    public Uri ServiceUrl { get; private set; } = new("http://127.0.0.1/");

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<Reply> Replies
    {
        get
        {
            lock (_gate)
            {
                return [.. _replies];
            }
        }
    }

    public static async Task<FakeConnector> StartAsync(Func<string, bool> isIssued)
    {
        var connector = new FakeConnector(isIssued);
        (connector._app, connector.ServiceUrl) = await LocalHttpServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>The next <paramref name="count"/> authenticated posts answer <paramref name="status"/> and take nothing.</summary>
    public void FailNext(int count, int status) => Arrange(count, status, afterTaking: false);

    /// <summary>The next <paramref name="count"/> authenticated posts take the reply, then answer <paramref name="status"/>.</summary>
    public void FailNextAfterTaking(int count, int status) => Arrange(count, status, afterTaking: true);

    /// <summary>The next <paramref name="count"/> authenticated posts take the reply and never answer: the caller's time runs out.</summary>
    public void TakeNextWithoutAnswering(int count) => Arrange(count, NoAnswer, afterTaking: true);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await LocalHttpServer.StopAsync(_app);
        }
    }

    private void Arrange(int count, int status, bool afterTaking)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue((status, afterTaking));
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var ct = context.RequestAborted;
        // The raw target, decoded here segment by segment: ids hold ':', '|' and ';' and must arrive exactly.
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget.Split('?')[0].Split('/');
        if (!HttpMethods.IsPost(context.Request.Method) || raw is not ["", "v3", "conversations", _, "activities", _])
        {
            await Error(context, 404, "NotFound", ct);
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Scheme != "Bearer" || header.Parameter is null
            || !_isIssued(header.Parameter))
        {
            await Error(context, 401, "Unauthorized", ct);
            return;
        }

        JsonObject? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity?["type"]?.GetValue<string>() != "message")
        {
            await Error(context, 400, "BadSyntax", ct);
            return;
        }

        (int Status, bool AfterTaking)? fault;
        lock (_gate)
        {
            fault = _faults.TryDequeue(out var next) ? next : null;
            if (fault is null or { AfterTaking: true })
            {
                _replies.Add(new Reply(Uri.UnescapeDataString(raw[3]), Uri.UnescapeDataString(raw[5]), activity, authorization));
            }
        }

        if (fault is { Status: NoAnswer })
        {
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (fault is { } failure)
        {
            await Error(context, failure.Status, "ServiceError", ct);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["id"] = $"1:{Guid.NewGuid():N}" }.ToJsonString(), ct);
    }

    private static async Task Error(HttpContext context, int status, string code, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } }.ToJsonString(), ct);
    }
}
