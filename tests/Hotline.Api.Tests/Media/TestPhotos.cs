using Hotline.Api.PhoneSimulator;
using SkiaSharp;

namespace Hotline.Api.Tests.Media;

/// <summary>Real photos made in the test: JPEGs with an EXIF block as a phone writes it (time, GPS, device, orientation).</summary>
public static class TestPhotos
{
    /// <summary>
    /// A JPEG taken at 52°31'12.34"N 13°24'36.00"E (52.520094, 13.41), 34.5 m up, on 30 November 2026 at 14:02:11, with a
    /// "Nokia" "G42", turned 90° (orientation 6: the camera was held upright, the pixels lie on their side).
    /// </summary>
    public static byte[] WithGps(int width = 64, int height = 48) => ExifWriter.InsertInto(Jpeg(width, height, new SKColor(200, 40, 40)), PhoneExif(null));

    /// <summary>The same photo from a phone that also writes its clock's UTC offset (EXIF 2.31 OffsetTimeOriginal), e.g. "+05:45".</summary>
    public static byte[] WithGpsAndOffset(string offset) =>
        ExifWriter.InsertInto(Jpeg(64, 48, new SKColor(200, 40, 40)), PhoneExif(offset));

    /// <summary>A JPEG with no metadata at all.</summary>
    public static byte[] Plain(int width, int height) => Jpeg(width, height, new SKColor(30, 90, 160));

    /// <summary>A JPEG's first bytes and then nothing that decodes.</summary>
    public static byte[] Corrupt() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06];

    /// <summary>A Windows program: what a "photo" that lies about itself may really be.</summary>
    public static byte[] Program() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8];

    /// <summary>A PDF of <paramref name="length"/> bytes.</summary>
    public static byte[] Pdf(int length = 2048)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Jpeg(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }

    /// <summary>A little-endian TIFF block: IFD0 (make, model, orientation, and links to the Exif and GPS IFDs), then those two.</summary>
    private static byte[] PhoneExif(string? offset)
    {
        var tiff = new ExifWriter();
        var exifIfd = tiff.Ifd(offset is null
            ? [new(0x9003, ExifWriter.Ascii, 20, tiff.Text("2026:11:30 14:02:11"))]
            : [new(0x9003, ExifWriter.Ascii, 20, tiff.Text("2026:11:30 14:02:11")), new(0x9011, ExifWriter.Ascii, (uint)offset.Length + 1, tiff.Text(offset))]);
        var gpsIfd = tiff.Ifd(
        [
            new(0x0001, ExifWriter.Ascii, 2, tiff.Inline("N\0"u8)),
            new(0x0002, ExifWriter.Rational, 3, tiff.Rationals((52, 1), (31, 1), (1234, 100))),
            new(0x0003, ExifWriter.Ascii, 2, tiff.Inline("E\0"u8)),
            new(0x0004, ExifWriter.Rational, 3, tiff.Rationals((13, 1), (24, 1), (36, 1))),
            new(0x0005, ExifWriter.Byte, 1, tiff.Inline([0])),
            new(0x0006, ExifWriter.Rational, 1, tiff.Rationals((345, 10))),
        ]);
        return tiff.Finish(
        [
            new(0x010F, ExifWriter.Ascii, 6, tiff.Text("Nokia")),
            new(0x0110, ExifWriter.Ascii, 4, tiff.Text("G42")),
            new(0x0112, ExifWriter.Short, 1, tiff.Inline([6, 0])),
            new(0x8769, ExifWriter.Long, 1, exifIfd),
            new(0x8825, ExifWriter.Long, 1, gpsIfd),
        ]);
    }
}
