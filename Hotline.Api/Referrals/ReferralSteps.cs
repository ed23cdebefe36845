namespace Hotline.Api.Referrals;

/// <summary>How a refusal words where a referral is, so that a step out of order says what must come first.</summary>
public static class ReferralSteps
{
    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Proposed => "proposed and waiting for the person's consent",
        ReferralStatus.ConsentRecorded => "waiting to be sent (consent is recorded)",
        ReferralStatus.Sent => "sent and waiting for the partner's answer",
        ReferralStatus.Accepted => "accepted by the partner",
        ReferralStatus.Declined => "declined by the partner",
        ReferralStatus.Completed => "completed",
        _ => "withdrawn",
    };

    public static string OutOfOrder(ReferralStatus current, string step, string needs) =>
        $"This referral is {Describe(current)}; it can be {step} only when it is {needs}.";
}
