using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Hotline.Api.Media;

/// <summary>
/// Reads what a file says about itself with MetadataExtractor: when it was taken (the camera's own clock,
/// as written: EXIF has no time zone unless the device adds one), where (GPS latitude, longitude and
/// altitude), and on what device. A file with nothing readable has no evidence; that is not an error.
/// </summary>
public static class EvidenceReader
{
    /// <summary>EXIF 2.31's OffsetTimeOriginal ("+03:00"), which this version of MetadataExtractor does not name.</summary>
    private const int OffsetTimeOriginal = 0x9011;

    /// <summary>The evidence in <paramref name="file"/>, read from where it stands (a seekable stream: the reader looks back at the file's start).</summary>
    public static MediaEvidence Read(Stream file)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(file);
        }
        catch (ImageProcessingException)
        {
            return MediaEvidence.None;
        }

        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        var where = gps?.GetGeoLocation();
        var device = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        return new MediaEvidence(
            CapturedAt(directories.OfType<ExifSubIfdDirectory>().FirstOrDefault()),
            where?.Latitude,
            where?.Longitude,
            gps is null ? null : Altitude(gps),
            device?.GetString(ExifDirectoryBase.TagMake)?.Trim(),
            device?.GetString(ExifDirectoryBase.TagModel)?.Trim());
    }

    /// <summary>"2026-11-30 14:02:11", with the device's offset after it when the file gives one.</summary>
    private static string? CapturedAt(ExifSubIfdDirectory? exif)
    {
        if (exif is null || !exif.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var taken))
        {
            return null;
        }

        var offset = exif.GetString(OffsetTimeOriginal);
        var text = taken.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return offset is null ? text : $"{text} {offset.Trim()}";
    }

    /// <summary>
    /// A capture time as <see cref="CapturedAt"/> writes it, without the device's offset: the phone's clock as it read
    /// ("2026-11-30 14:02:11"). An offset narrows down where the phone was set (+05:45 is Nepal alone), so it goes only where
    /// the place may go.
    /// </summary>
    public static string? WithoutOffset(string? capturedAt) =>
        capturedAt is { Length: > LocalTimeLength } ? capturedAt[..LocalTimeLength] : capturedAt;

    /// <summary>The length of "yyyy-MM-dd HH:mm:ss", the part of a capture time before its offset.</summary>
    private const int LocalTimeLength = 19;

    private static double? Altitude(GpsDirectory gps)
    {
        if (!gps.TryGetRational(GpsDirectory.TagAltitude, out var altitude) || altitude.Denominator == 0)
        {
            return null;
        }

        var belowSeaLevel = gps.TryGetByte(GpsDirectory.TagAltitudeRef, out var reference) && reference == 1;
        return belowSeaLevel ? -altitude.ToDouble() : altitude.ToDouble();
    }
}
