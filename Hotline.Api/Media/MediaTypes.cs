namespace Hotline.Api.Media;

/// <summary>
/// The kinds of file the hotline keeps, told by their first bytes (what a sender says a file is counts
/// for nothing): photos, PDFs and the audio of voice notes. Anything else is refused.
/// </summary>
public static class MediaTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Heic = "image/heic";
    public const string Pdf = "application/pdf";
    public const string Ogg = "audio/ogg";
    public const string Amr = "audio/amr";
    public const string Mp4Audio = "audio/mp4";

    /// <summary>What a file is declared as when its sender (or Twilio's record of it) says nothing about it.</summary>
    public const string Undeclared = "application/octet-stream";

    /// <summary>Enough of a file's start to tell every allowed kind apart.</summary>
    public const int SniffLength = 16;

    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    /// <summary>The type the bytes show, or null when they are none of the allowed kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => Gif,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => WebP,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => Pdf,
        [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => Ogg,
        [(byte)'#', (byte)'!', (byte)'A', (byte)'M', (byte)'R', ..] => Amr,
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => IsoBrand(start[8..12]),
        _ => null,
    };

    /// <summary>Whether the image decoder can read it: these get a stripped copy to show; the rest are kept as they came.</summary>
    public static bool IsDecodableImage(string type) => type is Jpeg or Png or Gif or WebP;

    /// <summary>
    /// Whether what the sender declared and what the bytes are belong to the same family (image, audio, document);
    /// a "photo" that is a PDF lies about itself. A declaration that says nothing (octet-stream) is not a lie.
    /// </summary>
    public static bool AgreesWith(string sniffed, string declared)
    {
        var family = declared.Split('/', 2)[0].Trim().ToLowerInvariant();
        return declared.StartsWith(Undeclared, StringComparison.OrdinalIgnoreCase)
            || family == sniffed.Split('/', 2)[0]
            || (sniffed == Mp4Audio && family == "video");
    }

    private static string? IsoBrand(ReadOnlySpan<byte> brand)
    {
        var name = System.Text.Encoding.ASCII.GetString(brand);
        return HeicBrands.Contains(name) ? Heic : name is "M4A " or "isom" or "mp41" or "mp42" or "3gp4" or "3gp5" or "3gp6" ? Mp4Audio : null;
    }
}
