using Hotline.Benchmarks;

// One program for every benchmark; the first argument names the one to run, or `all`.
// Exit code: 0 every target held, 1 a target missed, 2 arguments not understood, 3 could not run here.
var name = args.FirstOrDefault();
if (name == AllBenchmarks.Name)
{
    return await AllBenchmarks.RunAsync(args[1..]);
}

if (AllBenchmarks.Find(name) is not { } benchmark)
{
    return AllBenchmarks.Usage();
}

var targets = new BenchmarkTargets();
var ran = await benchmark.RunAsync(args[1..], targets);
return ran == BenchmarkTargets.Completed ? targets.ExitCode : ran;
