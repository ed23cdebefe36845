using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Hotline.Benchmarks;

/// <summary>
/// A JPEG of random pixels, which JPEG cannot shrink, so its size follows its pixel count (about 0.85 bytes a
/// pixel at quality 90): the hardest photo a phone could send of that size. It carries an EXIF block, as a
/// phone's photo does, so the media job's metadata reading has work to do.
/// </summary>
internal static class NoisePhoto
{
    public static byte[] Jpeg(int width, int height, int seed)
    {
        using var image = new Image<Rgb24>(width, height);
        var random = new Random(seed);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                {
                    pixel = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                }
            }
        });
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "Bench");
        using var file = new MemoryStream();
        image.SaveAsJpeg(file, new JpegEncoder { Quality = 90 });
        return file.ToArray();
    }
}
