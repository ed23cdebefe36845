using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace Hotline.Api.Media;

/// <summary>
/// Decides whether a downloaded file is kept, on its bytes alone: its type by its first bytes (and not
/// a type other than it claims), an image's pixel count from its header before anything decodes it (a
/// few kilobytes can claim a picture that fills the memory), and that the image decodes at all. A photo
/// that passes gets the copy that is shown: turned the way the camera meant (EXIF orientation) and
/// re-encoded with every metadata block left out (EXIF, GPS, XMP, IPTC, ICC).
/// </summary>
public sealed class MediaInspector(IOptions<MediaOptions> options)
{
    private const int ViewQuality = 85;

    public MediaInspection Inspect(byte[] bytes, string declaredType)
    {
        var type = MediaTypes.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, MediaTypes.SniffLength)));
        if (type is null)
        {
            return new MediaInspection.Refuse("the file type is not one the hotline keeps");
        }

        if (!MediaTypes.AgreesWith(type, declaredType))
        {
            return new MediaInspection.Refuse("the file is not the type it claims to be");
        }

        int? width = null, height = null;
        byte[]? view = null;
        if (MediaTypes.IsDecodableImage(type))
        {
            var header = Identify(bytes);
            if (header is null)
            {
                return new MediaInspection.Refuse("the image is damaged");
            }

            if ((long)header.Value.Width * header.Value.Height > options.Value.MaxPixels)
            {
                return new MediaInspection.Refuse($"the image is too large ({header.Value.Width} x {header.Value.Height} pixels)");
            }

            (width, height) = header.Value;
            view = StrippedCopy(bytes, type);
            if (view is null)
            {
                return new MediaInspection.Refuse("the image is damaged");
            }
        }

        var media = new StoredMedia(type, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), width, height, view is not null,
            EvidenceReader.Read(bytes));
        return new MediaInspection.Keep(media, view);
    }

    private static (int Width, int Height)? Identify(byte[] bytes)
    {
        try
        {
            var info = Image.Identify(new MemoryStream(bytes, writable: false));
            return info is null || info.Width < 1 || info.Height < 1 ? null : (info.Width, info.Height);
        }
        catch (ImageFormatException)
        {
            return null;
        }
    }

    private static byte[]? StrippedCopy(byte[] bytes, string type)
    {
        try
        {
            using var source = new MemoryStream(bytes, writable: false);
            // An animated GIF is shown by its first frame: the others cost memory and show nothing new.
            using var image = type == MediaTypes.Gif
                ? Image.Load(source, new GifDecoder { DecodingMode = SixLabors.ImageSharp.Metadata.FrameDecodingMode.First })
                : Image.Load(source);
            image.Mutate(x => x.AutoOrient().BackgroundColor(Color.White));
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            foreach (var frame in image.Frames)
            {
                frame.Metadata.ExifProfile = null;
                frame.Metadata.XmpProfile = null;
                frame.Metadata.IptcProfile = null;
                frame.Metadata.IccProfile = null;
            }

            using var copy = new MemoryStream();
            image.SaveAsJpeg(copy, new JpegEncoder { Quality = ViewQuality });
            return copy.ToArray();
        }
        catch (ImageFormatException)
        {
            return null;
        }
    }
}
