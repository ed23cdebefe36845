namespace Hotline.Api.Accountability;

/// <summary>The last walk of the chain on this instance, for the health endpoint; null before the first.</summary>
public sealed class AuditChainStatus
{
    private AuditVerification? _last;

    public AuditVerification? Last => Volatile.Read(ref _last);

    public void Record(AuditVerification verification) => Volatile.Write(ref _last, verification);
}

/// <summary>
/// Walks the chain at start and on its interval, so the health endpoint can say when it is broken. A broken
/// chain is reported and logged, never a reason to stop: the hotline goes on answering.
/// </summary>
public sealed class AuditChainWatchJob(AuditVerifier verifier, AuditChainStatus status, IOptions<AuditOptions> options, TimeProvider time,
    ILogger<AuditChainWatchJob> logger, Health.LoopWatch loops) : PeriodicJob(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.VerifyIntervalMinutes);

    protected override string PassName => "The audit chain check";

    protected override bool RunsAtStart => true;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var verification = await verifier.VerifyAsync(cancellationToken);
        status.Record(verification);
        if (!verification.Intact)
        {
            Logger.LogError("Audit: {Verification}", verification.Describe());
        }
    }
}
