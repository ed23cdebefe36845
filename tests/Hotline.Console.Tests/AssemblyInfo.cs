// Browser tests share two cores with chromium and the host; one at a time keeps their timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
