namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// An incident at Twilio, as one looks from outside: a share of message creates fail in each of the ways
/// Twilio's do (500 or 429 without creating; created but answered too late or the connection dropped; the
/// connection dropped before anything was created), and a share of message-list reads answer 503 or drop
/// the connection. Draws come from a seeded generator, so a failing run can be repeated.
/// </summary>
public sealed partial class FakeTwilioServer
{
    private Outage? _outage;
    private int _outageFailures;

    /// <summary>Creates and list reads that the outage has failed so far.</summary>
    public int OutageFailures => Volatile.Read(ref _outageFailures);

    /// <param name="createFailureShare">Share of valid creates that fail (0..1).</param>
    /// <param name="listFailureShare">Share of list reads that fail (0..1).</param>
    /// <param name="lateBy">How late an accepted-then-late create answers: past the client's timeout.</param>
    public void StartOutage(double createFailureShare, double listFailureShare, TimeSpan lateBy, int seed)
    {
        lock (_gate)
        {
            _outage = new Outage(createFailureShare, listFailureShare, lateBy, new Random(seed));
        }
    }

    public void EndOutage()
    {
        lock (_gate)
        {
            _outage = null;
        }
    }

    /// <summary>What the outage does to this create: one of Twilio's failures, or nothing (it goes through).</summary>
    private Fault? OutageCreateFault()
    {
        lock (_gate)
        {
            if (_outage is not { } outage || outage.Random.NextDouble() >= outage.CreateFailureShare)
            {
                return null;
            }

            _outageFailures++;
            return outage.Random.Next(5) switch
            {
                0 => new Fault.Fail(500),
                1 => new Fault.Fail(429),
                2 => new Fault.Hang(outage.LateBy),
                3 => new Fault.Drop(AfterCreating: false),
                _ => new Fault.Drop(AfterCreating: true),
            };
        }
    }

    /// <summary>What the outage does to this list read: 503, a dropped connection, or nothing.</summary>
    private Fault? OutageListFault()
    {
        lock (_gate)
        {
            if (_outage is not { } outage || outage.Random.NextDouble() >= outage.ListFailureShare)
            {
                return null;
            }

            _outageFailures++;
            return outage.Random.Next(2) == 0 ? new Fault.Fail(503) : new Fault.Drop(AfterCreating: false);
        }
    }

    private sealed record Outage(double CreateFailureShare, double ListFailureShare, TimeSpan LateBy, Random Random);
}
