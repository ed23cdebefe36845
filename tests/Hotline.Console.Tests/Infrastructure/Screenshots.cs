namespace Hotline.Console.Tests.Infrastructure;

/// <summary>Pictures of the main screens, kept beside the test assembly as artifacts of the run.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        TestContext.Current.SendDiagnosticMessage("Screenshot of {0} in {1}", name, Folder);
    }
}
