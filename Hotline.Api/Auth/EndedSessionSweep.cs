using Hotline.Api.Hosting;

namespace Hotline.Api.Auth;

/// <summary>
/// Sign-out closes the session's connections on the instance that took it; this closes them on every
/// other instance, within one interval, by asking the database which live sessions have ended.
/// </summary>
public sealed class EndedSessionSweep(LiveSessions live, SessionStore sessions, TimeProvider time, ILogger<EndedSessionSweep> logger,
    Health.LoopWatch loops) : PeriodicService(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(3);

    protected override string PassName => "The ended-session sweep";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        foreach (var sessionId in live.Sessions())
        {
            if (!await sessions.IsActiveAsync(sessionId, cancellationToken))
            {
                live.Close(sessionId);
            }
        }
    }
}
