using SkiaSharp;

namespace Hotline.Api.PhoneSimulator;

/// <summary>One photo the phone simulator can send: its name in links, the button's words, its type and bytes.</summary>
public sealed record SamplePhoto(string Name, string Label, string ContentType, byte[] Bytes);

/// <summary>
/// Development only: the photos the phone simulator offers, drawn the first time the simulator asks for them rather than shipped as binaries.
/// The locked door is a JPEG as a phone writes it, with capture time, GPS and device in its EXIF block, so the case
/// view's evidence panel has something to show; the pay slip is a PNG with no metadata at all.
/// </summary>
public sealed class SamplePhotos
{
    /// <summary>Where the door was "taken": 25°12'17.28"N 55°16'14.88"E, 12 m up.</summary>
    public const double DoorLatitude = 25.2048;
    public const double DoorLongitude = 55.2708;
    public const double DoorAltitude = 12;
    public const string DoorCapturedAt = "2026-11-28 09:15:42";
    public const string DoorMake = "Hotline";
    public const string DoorModel = "Phone simulator";

    public IReadOnlyList<SamplePhoto> All { get; } =
    [
        new("door", "A locked door (JPEG with GPS)", "image/jpeg", ExifWriter.InsertInto(Door(), DoorExif())),
        new("payslip", "A pay slip (PNG, no metadata)", "image/png", PaySlip()),
    ];

    public SamplePhoto? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    private static byte[] Door() => Draw(SKEncodedImageFormat.Jpeg, canvas =>
    {
        canvas.Clear(new SKColor(196, 190, 178));
        using var door = new SKPaint { Color = new SKColor(110, 74, 46), IsAntialias = true };
        canvas.DrawRect(new SKRect(220, 70, 420, 470), door);
        using var metal = new SKPaint { Color = new SKColor(60, 60, 66), IsAntialias = true };
        canvas.DrawRect(new SKRect(380, 250, 400, 300), metal);
        canvas.DrawCircle(390, 230, 9, metal);
    });

    private static byte[] PaySlip() => Draw(SKEncodedImageFormat.Png, canvas =>
    {
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(90, 96, 110), StrokeWidth = 6 };
        for (var line = 0; line < 9; line++)
        {
            var y = 90 + line * 40;
            canvas.DrawLine(80, y, line % 3 == 2 ? 300 : 560, y, ink);
        }
    });

    private static byte[] Draw(SKEncodedImageFormat format, Action<SKCanvas> paint)
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            paint(canvas);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, 85);
        return encoded.ToArray();
    }

    /// <summary>IFD0 (make, model, links to the Exif and GPS IFDs), then those two: what a phone's camera writes.</summary>
    private static byte[] DoorExif()
    {
        var tiff = new ExifWriter();
        var exifIfd = tiff.Ifd([new(0x9003, ExifWriter.Ascii, 20, tiff.Text("2026:11:28 09:15:42"))]);
        var gpsIfd = tiff.Ifd(
        [
            new(0x0001, ExifWriter.Ascii, 2, tiff.Inline("N\0"u8)),
            new(0x0002, ExifWriter.Rational, 3, tiff.Rationals((25, 1), (12, 1), (1728, 100))),
            new(0x0003, ExifWriter.Ascii, 2, tiff.Inline("E\0"u8)),
            new(0x0004, ExifWriter.Rational, 3, tiff.Rationals((55, 1), (16, 1), (1488, 100))),
            new(0x0005, ExifWriter.Byte, 1, tiff.Inline([0])),
            new(0x0006, ExifWriter.Rational, 1, tiff.Rationals((12, 1))),
        ]);
        return tiff.Finish(
        [
            new(0x010F, ExifWriter.Ascii, (uint)DoorMake.Length + 1, tiff.Text(DoorMake)),
            new(0x0110, ExifWriter.Ascii, (uint)DoorModel.Length + 1, tiff.Text(DoorModel)),
            new(0x8769, ExifWriter.Long, 1, exifIfd),
            new(0x8825, ExifWriter.Long, 1, gpsIfd),
        ]);
    }
}
