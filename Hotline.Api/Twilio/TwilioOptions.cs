namespace Hotline.Api.Twilio;

public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>
    /// Unset means on. Off (<c>false</c>) runs the hotline without sending any SMS or WhatsApp reply: each is
    /// marked not sent, never delivered. Outside Development a hotline that is on needs an account.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>In Development, when absent, outbound SMS and WhatsApp go to the local sink instead of Twilio.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Signs Twilio's webhooks and authenticates our calls. In Development one is made locally for the simulator.</summary>
    public string? AuthToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>An account is configured and calls go to Twilio itself (not a local stand-in): messages reach real phones.</summary>
    public bool ReachesRealTwilio =>
        !string.IsNullOrWhiteSpace(AccountSid) && Enabled != false
        && Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) && api.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase);

    public string? PhoneNumber { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>Send rate per sender; 1 segment per second is a long code's limit.</summary>
    public double SegmentsPerSecond { get; set; } = 1;

    public int RequestTimeoutSeconds { get; set; } = 15;

    public ReconciliationOptions Reconciliation { get; set; } = new();

    /// <summary>
    /// Unset means on: once a message is stored (inbound) or has its final status (outbound), its record and
    /// media are deleted at Twilio, which otherwise keeps body, numbers and photos indefinitely.
    /// </summary>
    public bool DeleteFromTwilio { get; set; } = true;

    public TwilioDeletion.TwilioDeletionOptions Deletion { get; set; } = new();

    public WhatsAppTemplateOptions WhatsApp { get; set; } = new();

    public bool Disabled => Enabled == false;

    public bool SendsThroughTwilio => !Disabled && !string.IsNullOrWhiteSpace(AccountSid);

    /// <summary>Reconciliation needs an account to list messages with; with one, it runs unless turned off.</summary>
    public bool ReconciliationRuns => SendsThroughTwilio && Reconciliation.Enabled != false;

    /// <summary>Deleting needs an account to call the API with; without one nothing was ever at Twilio through us.</summary>
    public bool DeletesAtTwilio => SendsThroughTwilio && DeleteFromTwilio;
}

internal sealed partial class TwilioOptionsValidator(IHostEnvironment environment) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AuthToken) && !environment.IsDevelopment())
        {
            failures.Add($"{TwilioOptions.Section}:AuthToken is required outside Development (webhooks are checked with it).");
        }

        if (!options.Disabled && string.IsNullOrWhiteSpace(options.AccountSid) && !environment.IsDevelopment())
        {
            // Replies that silently reach nobody would look sent in the console: say so at start instead.
            failures.Add($"{TwilioOptions.Section}:AccountSid is required outside Development, or set {TwilioOptions.Section}:Enabled=false " +
                "to run without sending SMS or WhatsApp (replies are then marked not sent).");
        }

        if (options.SendsThroughTwilio)
        {
            if (!AccountSidPattern().IsMatch(options.AccountSid!))
            {
                failures.Add($"{TwilioOptions.Section}:AccountSid must be AC followed by 32 hexadecimal characters.");
            }

            if (string.IsNullOrWhiteSpace(options.AuthToken))
            {
                failures.Add($"{TwilioOptions.Section}:AuthToken is required with {TwilioOptions.Section}:AccountSid.");
            }

            if (string.IsNullOrWhiteSpace(options.PhoneNumber) && string.IsNullOrWhiteSpace(options.MessagingServiceSid))
            {
                failures.Add($"{TwilioOptions.Section}:PhoneNumber or {TwilioOptions.Section}:MessagingServiceSid is required with {TwilioOptions.Section}:AccountSid.");
            }
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{TwilioOptions.Section}:ApiBaseUrl must be an absolute URL.");
        }

        if (options.SegmentsPerSecond is <= 0 or > 10_000)
        {
            failures.Add($"{TwilioOptions.Section}:SegmentsPerSecond must be above 0 and at most 10000.");
        }

        if (options.RequestTimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"{TwilioOptions.Section}:RequestTimeoutSeconds must be between 1 and 120.");
        }

        if (options.Reconciliation.IntervalSeconds is < 10 or > 86_400 || options.Reconciliation.LookbackMinutes is < 1 or > 10_080)
        {
            failures.Add($"{TwilioOptions.Section}:Reconciliation:IntervalSeconds must be 10..86400 and LookbackMinutes 1..10080.");
        }

        if (options.Deletion.RetryBaseMilliseconds is < 1 or > 3_600_000 || options.Deletion.RetryMaxSeconds is < 1 or > 86_400
            || options.Deletion.IntervalSeconds is < 1 or > 3_600)
        {
            failures.Add($"{TwilioOptions.Section}:Deletion:RetryBaseMilliseconds must be 1..3600000, RetryMaxSeconds 1..86400 and IntervalSeconds 1..3600.");
        }

        failures.AddRange(WhatsAppTemplateFailures(options.WhatsApp));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> WhatsAppTemplateFailures(WhatsAppTemplateOptions template)
    {
        if (template.SendsTemplate && !ContentSidPattern().IsMatch(template.ReengageContentSid!))
        {
            yield return $"{TwilioOptions.Section}:WhatsApp:ReengageContentSid must be HX followed by 32 hexadecimal characters.";
        }

        if (string.IsNullOrWhiteSpace(template.ReengageContentVariables))
        {
            yield break;
        }

        if (!template.SendsTemplate)
        {
            yield return $"{TwilioOptions.Section}:WhatsApp:ReengageContentVariables needs {TwilioOptions.Section}:WhatsApp:ReengageContentSid.";
        }
        else if (!IsObjectOfStrings(template.ReengageContentVariables))
        {
            yield return $"{TwilioOptions.Section}:WhatsApp:ReengageContentVariables must be a JSON object of strings, e.g. {{\"1\":\"...\"}}.";
        }
    }

    private static bool IsObjectOfStrings(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$")]
    private static partial Regex ContentSidPattern();
}
