using System.Runtime.InteropServices;
using Hotline.Api.PhoneSimulator;
using SkiaSharp;

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
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        new Random(seed).NextBytes(pixels);
        for (var alpha = 3; alpha < pixels.Length; alpha += 4)
        {
            pixels[alpha] = 255;
        }

        Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var exif = new ExifWriter();
        return ExifWriter.InsertInto(encoded.ToArray(), exif.Finish([new(0x010F, ExifWriter.Ascii, 6, exif.Text("Bench"))]));
    }
}
