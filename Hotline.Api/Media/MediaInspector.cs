using Hotline.Api.Tracing;
using SkiaSharp;

namespace Hotline.Api.Media;

/// <summary>
/// Decides whether a downloaded file is kept, on its bytes alone: its type by its first bytes (and not
/// a type other than it claims), an image's pixel count from its header before anything decodes it (a
/// few kilobytes can claim a picture that fills the memory), and that the image decodes at all. A photo
/// that passes gets the copy that is shown: turned the way the camera meant (EXIF orientation) and
/// re-encoded from its pixels alone, so no metadata block (EXIF, GPS, XMP, IPTC, ICC) can reach it.
/// </summary>
/// <remarks>
/// Images sent by strangers are decoded with SkiaSharp (Google's Skia, the decoders Chrome runs on the web's
/// images), not ImageSharp 2, for which security flaws with crafted images are reported. <see cref="SKCodec"/>
/// reads only the header until the pixels are asked for, so an oversized image is refused before anything is
/// allocated for it.
/// </remarks>
public sealed class MediaInspector(IOptions<MediaOptions> options)
{
    private const int ViewQuality = 85;

    /// <summary>
    /// Inspects <paramref name="original"/> (seekable; read from its start, more than once) and, for a photo it keeps,
    /// writes the stripped copy to <paramref name="view"/>. Read as a stream, never copied whole: the decoder pulls what
    /// it needs through <see cref="SKManagedStream"/>, the hash and the metadata reader likewise.
    /// </summary>
    public MediaInspection Inspect(Stream original, string declaredType, Stream view)
    {
        string? type;
        using (HotlineActivities.Source.StartActivity(HotlineActivities.MediaInspect))
        {
            Span<byte> start = stackalloc byte[MediaTypes.SniffLength];
            original.Position = 0;
            type = MediaTypes.Sniff(start[..original.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)]);
        }

        if (type is null)
        {
            return new MediaInspection.Refuse("the file type is not one the hotline keeps");
        }

        if (!MediaTypes.AgreesWith(type, declaredType))
        {
            return new MediaInspection.Refuse("the file is not the type it claims to be");
        }

        (MediaInspection.Refuse? Refusal, int? Width, int? Height) image = MediaTypes.IsDecodableImage(type) ? Stripped(original, view) : (null, null, null);
        if (image.Refusal is { } refusal)
        {
            return refusal;
        }

        var media = new StoredMedia(type, original.Length, Hash(original), image.Width, image.Height, view.Length > 0, Evidence(original));
        return new MediaInspection.Keep(media);
    }

    /// <summary>Writes the stripped copy of an image to <paramref name="view"/> and gives its size; why it is refused otherwise.</summary>
    private (MediaInspection.Refuse? Refusal, int? Width, int? Height) Stripped(Stream original, Stream view)
    {
        using var header = HotlineActivities.Source.StartActivity(HotlineActivities.MediaInspect);
        original.Position = 0;
        // The codec owns the Skia stream from here; the pooled original stays the caller's.
        using var codec = SKCodec.Create(new SKManagedStream(original, disposeManagedStream: false));
        if (codec is null || codec.Info.Width < 1 || codec.Info.Height < 1)
        {
            return (new MediaInspection.Refuse("the image is damaged"), null, null);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > options.Value.MaxPixels)
        {
            return (new MediaInspection.Refuse($"the image is too large ({width} x {height} pixels)"), null, null);
        }

        header?.Stop();
        return StrippedCopy(codec, view) ? (null, width, height) : (new MediaInspection.Refuse("the image is damaged"), null, null);
    }

    private static string Hash(Stream original)
    {
        using var span = HotlineActivities.Source.StartActivity(HotlineActivities.MediaHash);
        original.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(original));
    }

    private static MediaEvidence Evidence(Stream original)
    {
        using var span = HotlineActivities.Source.StartActivity(HotlineActivities.MediaEvidence);
        original.Position = 0;
        return EvidenceReader.Read(original);
    }

    /// <summary>
    /// The first frame's pixels (an animated GIF is shown by it: the others cost memory and show nothing new), drawn
    /// upright on white (a transparent part would turn black in a JPEG) and encoded as a new JPEG into <paramref name="view"/>.
    /// The pixels are decoded without a colour space, so not even the ICC profile is carried over. False when the pixels
    /// do not decode whole: a truncated image is refused, not shown half grey.
    /// </summary>
    private static bool StrippedCopy(SKCodec codec, Stream view)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var pixels = new SKBitmap(info);
        using (HotlineActivities.Source.StartActivity(HotlineActivities.MediaDecode))
        {
            if (codec.GetPixels(info, pixels.GetPixels()) != SKCodecResult.Success)
            {
                return false;
            }
        }

        using var strip = HotlineActivities.Source.StartActivity(HotlineActivities.MediaStrip);
        // Already upright and with nothing transparent to paint white: the decoded pixels are encoded as they are, which
        // spares a second picture's memory and a full-size draw (most phone photos are JPEGs stored upright).
        if (codec.EncodedOrigin == SKEncodedOrigin.TopLeft && codec.Info.AlphaType == SKAlphaType.Opaque)
        {
            using var direct = pixels.Encode(SKEncodedImageFormat.Jpeg, ViewQuality);
            return WriteTo(view, direct);
        }

        var (uprightWidth, uprightHeight, turn) = Upright(codec.EncodedOrigin, info.Width, info.Height);
        using var surface = SKSurface.Create(new SKImageInfo(uprightWidth, uprightHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.SetMatrix(turn);
        using (var image = SKImage.FromBitmap(pixels))
        {
            surface.Canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }

        using var upright = surface.Snapshot();
        using var encoded = upright.Encode(SKEncodedImageFormat.Jpeg, ViewQuality);
        return WriteTo(view, encoded);
    }

    /// <summary>Copies the encoder's output from Skia's memory into the pooled <paramref name="view"/>, with no managed array between.</summary>
    private static bool WriteTo(Stream view, SKData? encoded)
    {
        if (encoded is null)
        {
            return false;
        }

        view.Write(encoded.AsSpan());
        return true;
    }

    /// <summary>
    /// The size of the upright picture and the matrix that draws the stored pixels into it, for each EXIF orientation
    /// (1 to 8): the stored rows may be mirrored, upside down, or lie on their side (5 to 8 swap width and height).
    /// </summary>
    private static (int Width, int Height, SKMatrix Turn) Upright(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => (width, height, new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1)),
        SKEncodedOrigin.BottomRight => (width, height, new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1)),
        SKEncodedOrigin.BottomLeft => (width, height, new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1)),
        SKEncodedOrigin.LeftTop => (height, width, new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1)),
        SKEncodedOrigin.RightTop => (height, width, new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1)),
        SKEncodedOrigin.RightBottom => (height, width, new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1)),
        SKEncodedOrigin.LeftBottom => (height, width, new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1)),
        _ => (width, height, SKMatrix.Identity),
    };
}
