using System.Buffers;

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

        var buffer = new RentedBuffer(ArrayPool<byte>.Shared.Rent(
            request.ContentLength is > 0 and <= MaxBytes ? (int)request.ContentLength.Value + 1 : 1024));
        try
        {
            int length;
            try
            {
                length = await ReadBoundedAsync(request.Body, buffer, cancellationToken);
            }
            catch (BadHttpRequestException ex)
            {
                // The sender gave up mid-body or sent it too slowly: its request, not a fault of ours to log as one.
                return WebhookFormResult.Refused(ex.StatusCode, "The body ended before its declared length, or arrived too slowly.");
            }

            return length > MaxBytes
                ? WebhookFormResult.Refused(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.")
                : Parse(buffer.Bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer.Bytes, clearArray: true);
        }
    }

    public static WebhookFormResult Parse(byte[] body) => Parse(body.AsSpan());

    /// <summary>
    /// Read from the body's bytes as they are: each name and value is decoded into one pooled buffer and becomes a string once,
    /// where the body as a string, its pairs split into strings and each part's bytes made again were a tenth of what a message
    /// allocated. Decoding is <see cref="System.Net.WebUtility.UrlDecodeToBytes(byte[], int, int)"/>'s: '+' is a space and '%'
    /// with two hex digits a byte; any other '%' stays as it is.
    /// </summary>
    public static WebhookFormResult Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length == 0)
        {
            return WebhookFormResult.Refused(StatusCodes.Status400BadRequest, "The body is empty.");
        }

        if (body.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            return WebhookFormResult.Refused(StatusCodes.Status400BadRequest, "The body holds bytes that are not URL-encoded.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        // Decoding never lengthens a part. Cleared when given back: it held a person's words and number.
        var decoded = ArrayPool<byte>.Shared.Rent(body.Length);
        try
        {
            foreach (var range in body.Split((byte)'&'))
            {
                var pair = body[range];
                if (pair.IsEmpty)
                {
                    continue;
                }

                var separator = pair.IndexOf((byte)'=');
                var name = separator < 0 ? pair : pair[..separator];
                var value = separator < 0 ? [] : pair[(separator + 1)..];
                if (!TryDecode(name, decoded, out var decodedName) || !TryDecode(value, decoded, out var decodedValue))
                {
                    return WebhookFormResult.Refused(StatusCodes.Status400BadRequest, "The body is not valid UTF-8 once decoded.");
                }

                if (decodedName.Length == 0 || !fields.TryAdd(decodedName, decodedValue))
                {
                    return WebhookFormResult.Refused(StatusCodes.Status400BadRequest,
                        decodedName.Length == 0 ? "A field has no name." : $"The field '{decodedName}' appears more than once.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded, clearArray: true);
        }

        return new WebhookFormResult(fields, StatusCodes.Status200OK, null);
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, byte[] buffer, out string decoded)
    {
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%' && i + 2 < encoded.Length
                && HexValue(encoded[i + 1]) is var high and >= 0 && HexValue(encoded[i + 2]) is var low and >= 0)
            {
                b = (byte)((high << 4) | low);
                i += 2;
            }

            buffer[length++] = b;
        }

        try
        {
            decoded = StrictUtf8.GetString(buffer, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = "";
            return false;
        }
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Reads the body into <paramref name="rented"/>, a pooled buffer sized by the declared length (a webhook's is a few hundred
    /// bytes) that the caller gives back, swapping in a larger one as it fills; the length read, and past <see cref="MaxBytes"/>
    /// it stops. Parsed where it lies: a fresh 8 KB chunk and a growing stream per request were a seventh of what a message
    /// allocated, and a copy of the body a little more. Cleared when given back: it held a person's words and number.
    /// </summary>
    private static async Task<int> ReadBoundedAsync(Stream body, RentedBuffer rented, CancellationToken cancellationToken)
    {
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(rented.Bytes.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxBytes)
            {
                return length;
            }

            if (length == rented.Bytes.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(rented.Bytes.Length * 2, MaxBytes + 1));
                rented.Bytes.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(rented.Bytes, clearArray: true);
                rented.Bytes = larger;
            }
        }

        return length;
    }

    /// <summary>A pooled buffer that reading may swap for a larger one; whoever rented it gives back the one it holds at the end.</summary>
    private sealed class RentedBuffer(byte[] bytes)
    {
        public byte[] Bytes { get; set; } = bytes;
    }
}
