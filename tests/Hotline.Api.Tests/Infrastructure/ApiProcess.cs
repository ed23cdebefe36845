using System.Diagnostics;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>Runs the built Hotline.Api as its own process, as an operator would, and collects what it prints.</summary>
public static class ApiProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Outcome> RunAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var folder = Directory.CreateTempSubdirectory("hotline-process-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [ApiAssembly()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["ASPNETCORE_CONTENTROOT"] = folder;
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Twilio__Enabled"] = "false";
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Hotline.Api did not stop within {timeout}.");
            }

            return new Outcome(process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The API assembly built beside this test assembly (same configuration).</summary>
    private static string ApiAssembly() => typeof(Program).Assembly.Location;
}
