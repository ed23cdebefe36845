using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Hotline.Api.Tests.Media;

/// <summary>Real photos made in the test: JPEGs with an EXIF block as a phone writes it (time, GPS, device, orientation).</summary>
public static class TestPhotos
{
    /// <summary>
    /// A JPEG taken at 52°31'12.34"N 13°24'36.00"E (52.520094, 13.41), 34.5 m up, on 30 November 2026 at 14:02:11, with a
    /// "Nokia" "G42", turned 90° (orientation 6: the camera was held upright, the pixels lie on their side).
    /// </summary>
    public static byte[] WithGps(int width = 64, int height = 48, Action<Image<Rgb24>>? paint = null)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 40, 40));
        paint?.Invoke(image);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Nokia");
        exif.SetValue(ExifTag.Model, "G42");
        exif.SetValue(ExifTag.DateTimeOriginal, "2026:11:30 14:02:11");
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(31, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(13, 1), new Rational(24, 1), new Rational(36, 1)]);
        exif.SetValue(ExifTag.GPSAltitudeRef, (byte)0);
        exif.SetValue(ExifTag.GPSAltitude, new Rational(345, 10));
        image.Metadata.ExifProfile = exif;
        using var file = new MemoryStream();
        image.SaveAsJpeg(file);
        return file.ToArray();
    }

    /// <summary>A JPEG with no metadata at all.</summary>
    public static byte[] Plain(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(30, 90, 160));
        using var file = new MemoryStream();
        image.SaveAsJpeg(file);
        return file.ToArray();
    }

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
}
