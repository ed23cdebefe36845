using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// Deleting at Twilio: <c>DELETE .../Messages/{Sid}.json</c> (204; 404 when unknown; Twilio's error 20009 while
/// the message is still queued or sending), the message's media list <c>GET .../Messages/{Sid}/Media.json</c>
/// and <c>DELETE .../Messages/{Sid}/Media/{MediaSid}.json</c>. Deleting a message leaves its media stored, as
/// at Twilio. Failures are arranged per delete request.
/// </summary>
public sealed partial class FakeTwilioServer
{
    private static readonly HashSet<string> InProgress = ["accepted", "scheduled", "queued", "sending"];
    private readonly Dictionary<string, List<string>> _media = [];
    private readonly Queue<int> _deleteFailures = new();
    private int _mediaListPages;
    private readonly List<string> _deletedMessages = [];
    private int _deleteRequests;

    /// <summary>DELETE requests received for messages and media, whatever their answer.</summary>
    public int DeleteRequests => Volatile.Read(ref _deleteRequests);

    /// <summary>Message sids deleted with a 204, in order.</summary>
    public IReadOnlyList<string> DeletedMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _deletedMessages];
            }
        }
    }

    /// <summary>A message a worker sent with <paramref name="media"/> photos; the webhook Twilio would post names them in <see cref="MediaUrls"/>.</summary>
    public string AddInbound(string from, string to, string body, int media)
    {
        var sid = AddInbound(from, to, body);
        lock (_gate)
        {
            _media[sid] = Enumerable.Range(0, media).Select(_ => "ME" + Guid.NewGuid().ToString("N")).ToList();
            // Its record counts them, as Twilio's num_media does.
            var index = _messages.FindIndex(m => m.Sid == sid);
            _messages[index] = _messages[index] with { NumMedia = media };
        }

        return sid;
    }

    /// <summary>The media URLs of a message, as Twilio's webhook gives them (MediaUrl0, MediaUrl1, ...).</summary>
    public IReadOnlyList<string> MediaUrls(string messageSid)
    {
        lock (_gate)
        {
            return _media.GetValueOrDefault(messageSid, []).Select(m => $"https://api.twilio.com{MediaPath(messageSid)}/{m}").ToList();
        }
    }

    /// <summary>Whether Twilio still holds the message's record.</summary>
    public bool Holds(string messageSid) => Snapshot(m => m.Sid == messageSid).Count > 0;

    /// <summary>Media Twilio still holds for the message, deleted message or not.</summary>
    public int MediaHeld(string messageSid)
    {
        lock (_gate)
        {
            return _media.GetValueOrDefault(messageSid, []).Count;
        }
    }

    /// <summary>
    /// Moves a message to a status, as Twilio does when the carrier reports (delivered, undelivered, failed), with the
    /// error code Twilio then lists it with (63016: WhatsApp's window was closed).
    /// </summary>
    public void SetStatus(string messageSid, string status, int? errorCode = null)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Sid == messageSid);
            _messages[index] = _messages[index] with { Status = status, ErrorCode = errorCode };
        }
    }

    /// <summary>The next <paramref name="count"/> DELETE requests (message or media) answer <paramref name="statusCode"/> and delete nothing.</summary>
    public void FailNextDeletes(int count, int statusCode)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _deleteFailures.Enqueue(statusCode);
            }
        }
    }

    /// <summary>The next list of a message's media answers 200 with an HTML page, as something between the hotline and Twilio might.</summary>
    public void AnswerNextMediaListWithPage()
    {
        lock (_gate)
        {
            _mediaListPages++;
        }
    }

    private string MediaPath(string messageSid) => $"/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}/Media";

    private async Task DeleteMessageAsync(HttpContext context, string sid, string path, CancellationToken ct)
    {
        Interlocked.Increment(ref _deleteRequests);
        if (TakeDeleteFailure() is { } failure)
        {
            await Failure(context, failure, ct);
            return;
        }

        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Sid == sid);
            if (index >= 0 && !InProgress.Contains(_messages[index].Status))
            {
                _messages.RemoveAt(index);
                _deletedMessages.Add(sid);
                context.Response.StatusCode = 204;
                return;
            }

            if (index >= 0)
            {
                context.Response.StatusCode = 409;
            }
        }

        if (context.Response.StatusCode == 409)
        {
            await Answer(context, 409, FakeTwilioJson.Error(20009, "Cannot delete this resource before it is complete", 409), ct);
            return;
        }

        await NotFound(context, path, ct);
    }

    private async Task ListMediaAsync(HttpContext context, string messageSid, string path, CancellationToken ct)
    {
        List<string>? media;
        bool page;
        lock (_gate)
        {
            page = _mediaListPages > 0;
            _mediaListPages -= page ? 1 : 0;
        }

        if (page)
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>Service Unavailable</body></html>", ct);
            return;
        }

        lock (_gate)
        {
            media = _messages.Any(m => m.Sid == messageSid) ? [.. _media.GetValueOrDefault(messageSid, [])] : null;
        }

        if (media is null)
        {
            await NotFound(context, path, ct);
            return;
        }

        var uri = MediaPath(messageSid) + ".json";
        await Answer(context, 200, new JsonObject
        {
            ["end"] = Math.Max(0, media.Count - 1),
            ["first_page_uri"] = $"{uri}?PageSize=50&Page=0",
            ["media_list"] = new JsonArray(media.Select(m => (JsonNode)new JsonObject
            {
                ["account_sid"] = AccountSid,
                ["content_type"] = "image/jpeg",
                ["date_created"] = FakeTwilioJson.Rfc2822(_time.GetUtcNow()),
                ["date_updated"] = FakeTwilioJson.Rfc2822(_time.GetUtcNow()),
                ["parent_sid"] = messageSid,
                ["sid"] = m,
                ["uri"] = $"{uri[..^".json".Length]}/{m}.json",
            }).ToArray()),
            ["next_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = 50,
            ["previous_page_uri"] = null,
            ["start"] = 0,
            ["uri"] = $"{uri}?PageSize=50&Page=0",
        }, ct);
    }

    private async Task DeleteMediaAsync(HttpContext context, string messageSid, string mediaSid, string path, CancellationToken ct)
    {
        Interlocked.Increment(ref _deleteRequests);
        if (TakeDeleteFailure() is { } failure)
        {
            await Failure(context, failure, ct);
            return;
        }

        bool removed;
        lock (_gate)
        {
            removed = _media.TryGetValue(messageSid, out var media) && media.Remove(mediaSid);
        }

        if (removed)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await NotFound(context, path, ct);
    }

    private int? TakeDeleteFailure()
    {
        lock (_gate)
        {
            return _deleteFailures.TryDequeue(out var status) ? status : null;
        }
    }
}
