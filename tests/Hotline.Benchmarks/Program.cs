using Hotline.Benchmarks;

// One program for every benchmark; the first argument names the one to run.
return args.FirstOrDefault() switch
{
    "queue" => await QueueBenchmark.RunAsync(),
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "stats" => await StatsBenchmark.RunAsync(),
    "sims" => await SimsBenchmark.RunAsync(),
    "console" => await ConsoleBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Hotline.Benchmarks -- <benchmark>");
    Console.Error.WriteLine();
    Console.Error.WriteLine("benchmarks:");
    Console.Error.WriteLine("  queue   claim-next latency of the case queue with 1,000 / 100,000 / 1,000,000 queued cases (SQLite)");
    Console.Error.WriteLine($"  {IngestBenchmark.Usage}");
    Console.Error.WriteLine("          inbound SMS webhooks per second into Hotline.Api, lost and duplicated, against a bare-endpoint floor");
    Console.Error.WriteLine("  stats   the statistics page (JSON, charts, CSV) over 1,000,000 cases in SQLite, end to end through Hotline.Api");
    Console.Error.WriteLine("  sims    issued-SIM import of 100,000 rows, and intake engine turns per second on one thread");
    Console.Error.WriteLine($"  {ConsoleBenchmark.Usage}\n          SignalR consoles on one host while SMS webhooks arrive: 200 -> every console p50/p99, API memory");
    return 2;
}
