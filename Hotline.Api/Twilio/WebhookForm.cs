using System.Buffers;
using System.Net;

namespace Hotline.Api.Twilio;

/// <summary>The outcome of reading a webhook body: the fields, or the reason it was refused and the status to answer.</summary>
public sealed record WebhookFormResult(IReadOnlyDictionary<string, string>? Fields, int Status, string? Error)
{
    public static WebhookFormResult Refused(int status, string error) => new(null, status, error);
}

/// <summary>
/// Reads a form-encoded webhook body strictly. ASP.NET's own form reader replaces invalid UTF-8 with
/// U+FFFD and goes on; a message altered like that would be stored as if the person had written it,
/// so here invalid UTF-8, a repeated field or an oversized body is refused with a reason instead.
/// </summary>
public static class WebhookForm
{
    /// <summary>Twilio's largest webhook (1,600 characters, ten media URLs, its own fields) is far below this.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<WebhookFormResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType
            || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookFormResult.Refused(StatusCodes.Status415UnsupportedMediaType, "The body must be application/x-www-form-urlencoded.");
        }

        if (request.ContentLength > MaxBytes)
        {
            return WebhookFormResult.Refused(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.");
        }

        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, request.ContentLength, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            // The sender gave up mid-body or sent it too slowly: its request, not a fault of ours to log as one.
            return WebhookFormResult.Refused(ex.StatusCode, "The body ended before its declared length, or arrived too slowly.");
        }

        return body is null
            ? WebhookFormResult.Refused(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.")
            : Parse(body);
    }

    public static WebhookFormResult Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return WebhookFormResult.Refused(StatusCodes.Status400BadRequest, "The body is empty.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.Any(b => b > 0x7F))
        {
            return WebhookFormResult.Refused(StatusCodes.Status400BadRequest, "The body holds bytes that are not URL-encoded.");
        }

        foreach (var pair in Encoding.ASCII.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? "" : pair[(separator + 1)..];
            if (!TryDecode(name, out var decodedName) || !TryDecode(value, out var decodedValue))
            {
                return WebhookFormResult.Refused(StatusCodes.Status400BadRequest, "The body is not valid UTF-8 once decoded.");
            }

            if (decodedName.Length == 0 || !fields.TryAdd(decodedName, decodedValue))
            {
                return WebhookFormResult.Refused(StatusCodes.Status400BadRequest,
                    decodedName.Length == 0 ? "A field has no name." : $"The field '{decodedName}' appears more than once.");
            }
        }

        return new WebhookFormResult(fields, StatusCodes.Status200OK, null);
    }

    private static bool TryDecode(string encoded, out string decoded)
    {
        decoded = "";
        try
        {
            var bytes = Encoding.ASCII.GetBytes(encoded);
            decoded = StrictUtf8.GetString(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The body, or null past <see cref="MaxBytes"/>. Read into a pooled buffer sized by the declared length (a webhook's
    /// is a few hundred bytes): a fresh 8 KB chunk and a growing stream per request were a seventh of what a message allocated.
    /// Cleared when given back: it held a person's words and number.
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long? declaredLength, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(declaredLength is > 0 and <= MaxBytes ? (int)declaredLength.Value + 1 : 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                {
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
