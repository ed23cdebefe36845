using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hotline.Api.Tests.Twilio.Fakes;

public sealed partial class FakeTwilioServer
{
    private const int MaxBodyLength = 1600;

    [GeneratedRegex(@"^(whatsapp:)?\+[1-9][0-9]{1,14}$")]
    private static partial Regex Address();

    private async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var ct = linked.Token;
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var parts = path.Trim('/').Split('/');
        var isMessages = parts.Length >= 4 && parts[0] == "2010-04-01" && parts[1] == "Accounts";
        var isCollection = isMessages && parts.Length == 4 && parts[3] == "Messages.json";
        var isInstance = isMessages && parts.Length == 5 && parts[3] == "Messages" && parts[4].EndsWith(".json", StringComparison.Ordinal);
        var isMediaList = isMessages && parts.Length == 6 && parts[3] == "Messages" && parts[5] == "Media.json";
        var isMedia = isMessages && parts.Length == 7 && parts[3] == "Messages" && parts[5] == "Media" && parts[6].EndsWith(".json", StringComparison.Ordinal);

        if (isCollection && HttpMethods.IsPost(request.Method))
        {
            Interlocked.Increment(ref _requests);
        }

        if (path.StartsWith(CdnPrefix, StringComparison.Ordinal))
        {
            await ServeFromCdnAsync(context, path[CdnPrefix.Length..], ct);
            return;
        }

        if (!Authenticated(request))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            await Answer(context, 401, FakeTwilioJson.Error(20003, "Authenticate", 401), ct);
            return;
        }

        if (IsMediaPath(parts) && parts[2] == AccountSid && IsServedMedia(parts[6]))
        {
            await MediaAsync(context, parts[4], parts[6], ct);
            return;
        }

        if ((!isCollection && !isInstance && !isMediaList && !isMedia) || parts[2] != AccountSid)
        {
            await NotFound(context, path, ct);
            return;
        }

        if (isMediaList || isMedia)
        {
            await HandleMediaAsync(context, parts, path, ct);
            return;
        }

        switch (isCollection, request.Method)
        {
            case (true, "POST"):
                await CreateAsync(context, ct);
                break;
            case (true, "GET"):
                await ListAsync(context, ct);
                break;
            case (false, "GET"):
                await FetchAsync(context, parts[4][..^".json".Length], path, ct);
                break;
            case (false, "DELETE"):
                await DeleteMessageAsync(context, parts[4][..^".json".Length], path, ct);
                break;
            default:
                await Answer(context, 405, FakeTwilioJson.Error(20004, "Method not allowed", 405), ct);
                break;
        }
    }

    private Task HandleMediaAsync(HttpContext context, string[] parts, string path, CancellationToken ct) =>
        (parts.Length, context.Request.Method) switch
        {
            (6, "GET") => ListMediaAsync(context, parts[4], path, ct),
            (7, "DELETE") => DeleteMediaAsync(context, parts[4], parts[6][..^".json".Length], path, ct),
            _ => Answer(context, 405, FakeTwilioJson.Error(20004, "Method not allowed", 405), ct),
        };

    private bool Authenticated(HttpRequest request)
    {
        if (Volatile.Read(ref _credentialsRevoked) == 1
            || !AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            return pair == $"{AccountSid}:{AuthToken}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task CreateAsync(HttpContext context, CancellationToken ct)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : FormCollection.Empty;
        string? Field(string name) => string.IsNullOrEmpty(form[name]) ? null : form[name].ToString();
        var to = Field("To");
        var body = Field("Body");
        var media = form["MediaUrl"].Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).ToList();
        var contentSid = Field("ContentSid");

        var invalid =
            to is null ? (21604, "A 'To' phone number is required.") :
            !Address().IsMatch(to) ? (21211, $"Invalid 'To' Phone Number: {to}") :
            Field("From") is null && Field("MessagingServiceSid") is null ? (21603, "A 'From' phone number is required.") :
            body is null && media.Count == 0 && contentSid is null ? (21602, "Message body is required.") :
            body?.Length > MaxBodyLength ? (21617, "The concatenated message body exceeds the 1600 character limit.") :
            contentSid is null && IsWhatsAppWindowClosed(to) ? (WhatsAppWindowClosedCode, WhatsAppWindowClosedText) :
            ((int Code, string Message)?)null;
        if (invalid is { } error)
        {
            await Answer(context, 400, FakeTwilioJson.Error(error.Code, error.Message, 400), ct);
            return;
        }

        var fault = ArriveAndTakeFault() ?? OutageCreateFault();
        switch (fault)
        {
            case Fault.Fail fail:
                await Failure(context, fail.StatusCode, ct);
                return;
            case Fault.Reject reject:
                await Answer(context, 400, FakeTwilioJson.Error(reject.Code, reject.Message.Replace("{To}", to, StringComparison.Ordinal), 400), ct);
                return;
            case Fault.Drop { AfterCreating: false }:
                context.Abort();
                return;
            case Fault.GatewayPage { AfterCreating: false } page:
                await GatewayPageAsync(context, page.StatusCode, ct);
                return;
        }

        var created = new CreatedMessage(
            NewSid(), to!, Field("From"), body, Field("MessagingServiceSid"), Field("StatusCallback"), media, contentSid, Field("ContentVariables"));
        var message = Store(created);
        switch (fault)
        {
            case Fault.FailAfterCreating after:
                await Failure(context, after.StatusCode, ct);
                return;
            case Fault.Drop:
                context.Abort();
                return;
            case Fault.GatewayPage page:
                await GatewayPageAsync(context, page.StatusCode, ct);
                return;
            case Fault.CutAnswer:
                var json = FakeTwilioJson.Write(FakeTwilioJson.Message(AccountSid, message));
                await AnswerText(context, 201, json[..(json.Length / 2)], ct);
                return;
            case Fault.EmptyAnswer empty:
                await AnswerText(context, 201, empty.Body, ct);
                return;
            case Fault.Hang hang:
                await Task.Delay(hang.Delay, ct);
                break;
            case Fault.HoldUntilAnother held:
                await held.Release.Task.WaitAsync(ct);
                break;
        }

        await Answer(context, 201, FakeTwilioJson.Message(AccountSid, message), ct);
    }

    private async Task ListAsync(HttpContext context, CancellationToken ct)
    {
        switch (OutageListFault())
        {
            case Fault.Fail fail:
                await Failure(context, fail.StatusCode, ct);
                return;
            case Fault.Drop:
                context.Abort();
                return;
        }

        var query = context.Request.Query;
        string? Param(string name) => string.IsNullOrEmpty(query[name]) ? null : query[name].ToString();
        var filters = new List<KeyValuePair<string, string>>();
        foreach (var name in new[] { "To", "From", "DateSent", "DateSent>", "DateSent<" })
        {
            if (Param(name) is { } value)
            {
                filters.Add(new(name, value));
            }
        }

        if (!DateSentFilter.TryParse(Param("DateSent"), Param("DateSent>"), Param("DateSent<"), out var dates))
        {
            await Answer(context, 400, FakeTwilioJson.Error(20001, "Invalid value for DateSent", 400), ct);
            return;
        }

        var pageSize = Math.Clamp(int.TryParse(Param("PageSize"), out var size) ? size : 50, 1, 1000);
        var page = Math.Max(int.TryParse(Param("Page"), out var number) ? number : 0, 0);
        var to = Param("To");
        var from = Param("From");
        var all = Snapshot(m => (to is null || m.To == to) && (from is null || m.From == from) && dates.Matches(m.Created));

        // A page token names the last message of the previous page, so messages created meanwhile shift nothing.
        var skip = page * pageSize;
        if (Param("PageToken") is { } token && token.StartsWith("PA", StringComparison.Ordinal))
        {
            var last = all.FindIndex(m => m.Sid == token[2..]);
            skip = last < 0 ? all.Count : last + 1;
        }

        if (Param("PageToken") is not null)
        {
            Interlocked.Increment(ref _laterListPagesAsked);
        }

        if (Param("PageToken") is not null && Volatile.Read(ref _laterListPagesHeldTicks) is > 0 and var held)
        {
            await Task.Delay(TimeSpan.FromTicks(held), ct);
        }

        var items = all.Skip(skip).Take(pageSize).ToList();
        var more = skip + items.Count < all.Count;
        string Query(int pageNumber, string? pageToken) => string.Join("&",
            filters.Append(new("PageSize", pageSize.ToString(CultureInfo.InvariantCulture)))
                .Append(new("Page", pageNumber.ToString(CultureInfo.InvariantCulture)))
                .Concat(pageToken is null ? [] : [new("PageToken", pageToken)])
                .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

        var current = Query(page, Param("PageToken"));
        var next = more ? Query(page + 1, "PA" + items[^1].Sid) : null;
        var json = FakeTwilioJson.Page(AccountSid, items, page, pageSize, page * pageSize, current, Query(0, null), next);
        await Answer(context, 200, json, ct);
    }

    private async Task FetchAsync(HttpContext context, string sid, string path, CancellationToken ct)
    {
        var found = Snapshot(m => m.Sid == sid);
        if (found.Count == 0)
        {
            await NotFound(context, path, ct);
            return;
        }

        await Answer(context, 200, FakeTwilioJson.Message(AccountSid, found[0]), ct);
    }

    private static Task NotFound(HttpContext context, string path, CancellationToken ct) =>
        Answer(context, 404, FakeTwilioJson.Error(20404, $"The requested resource {path} was not found", 404), ct);

    private static async Task GatewayPageAsync(HttpContext context, int status, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync($"<html><head><title>{status} {ReasonPhrases.GetReasonPhrase(status)}</title></head><body><center><h1>{status} {ReasonPhrases.GetReasonPhrase(status)}</h1></center></body></html>", ct);
    }

    private static Task Failure(HttpContext context, int status, CancellationToken ct)
    {
        var (code, message) = status switch
        {
            429 => (20429, "Too Many Requests"),
            500 => (20500, "Internal Server Error"),
            503 => (20503, "Service Unavailable"),
            _ => (20000 + status % 1000, ReasonPhrases.GetReasonPhrase(status)),
        };
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        return Answer(context, status, FakeTwilioJson.Error(code, message, status), ct);
    }

    private static Task Answer(HttpContext context, int status, JsonNode json, CancellationToken ct) =>
        AnswerText(context, status, FakeTwilioJson.Write(json), ct);

    private static async Task AnswerText(HttpContext context, int status, string json, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, ct);
    }
}
