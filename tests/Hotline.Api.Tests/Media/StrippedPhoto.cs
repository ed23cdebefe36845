using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;

namespace Hotline.Api.Tests.Media;

/// <summary>What a test reads from the copy that is shown: its size as decoded, and every metadata block a reader finds in it.</summary>
internal static class StrippedPhoto
{
    public static (int Width, int Height) Size(byte[] jpeg)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(jpeg));
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The names of the EXIF, GPS, XMP, IPTC and ICC directories MetadataExtractor finds: none in a stripped copy.</summary>
    public static IReadOnlyList<string> MetadataBlocks(byte[] jpeg) =>
    [
        .. ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg))
            .Where(d => d is ExifDirectoryBase or GpsDirectory or XmpDirectory or IptcDirectory or IccDirectory)
            .Select(d => d.Name),
    ];
}
