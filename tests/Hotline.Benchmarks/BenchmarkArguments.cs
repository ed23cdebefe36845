namespace Hotline.Benchmarks;

/// <summary>Each benchmark's optional positional numbers, so that a short run can be asked for on the command line.</summary>
internal static class BenchmarkArguments
{
    public const string Command = "dotnet run -c Release --project tests/Hotline.Benchmarks --";

    /// <summary>The number at <paramref name="index"/>, or <paramref name="fallback"/> when absent; false when present but not a whole number in range.</summary>
    public static bool TryParse(string[] args, int index, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return args.Length <= index
            || (int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    public static int Refuse(string usage)
    {
        Console.Error.WriteLine($"usage: {Command} {usage}");
        return BenchmarkTargets.UsageError;
    }

    /// <summary>The benchmarks that start Hotline.Api run its Release build, which `dotnet run -c Release` of this project builds.</summary>
    public static int NoReleaseBuild()
    {
        Console.Error.WriteLine("The benchmarks (and the Hotline.Api beside them) are not built in Release: run them with `dotnet run -c Release --project tests/Hotline.Benchmarks -- MODE`.");
        return BenchmarkTargets.CouldNotRun;
    }
}
