namespace Hotline.Benchmarks;

/// <summary>Where a load generator's new messages come from: who writes next, and what.</summary>
internal interface IInboundTraffic
{
    /// <summary>A new message (a fresh MessageSid), signed as Twilio signs it.</summary>
    SignedSmsWebhook Next(Random random);

    /// <summary>One line on what the traffic is, for the benchmark's report.</summary>
    string Describe();
}
