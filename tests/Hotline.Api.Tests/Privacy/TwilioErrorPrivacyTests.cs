namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// Twilio's error texts can quote the number a message was for. Through the real webhook, outbox and status
/// callback, only the error's status, code and a fixed meaning are kept: the number reaches neither the
/// SQLite file nor its WAL, nor the log.
/// </summary>
public sealed class TwilioErrorPrivacyTests
{
    private const string CanaryPhone = "+9779800066601";
    private const string CanaryText = "CANARY-my-boss-keeps-my-passport";

    [Fact]
    public async Task A_refusal_quoting_the_number_keeps_only_its_code_and_a_fixed_meaning()
    {
        await using var harness = await TwilioHarness.StartAsync();
        harness.Twilio.RejectNext(21211, "The 'To' number {To} is not a valid phone number.");
        await harness.TextAsync(CanaryPhone, CanaryText);

        await harness.DispatchAllAsync();

        Assert.Equal("Twilio refused the message: Twilio answered 400 (code 21211: the recipient's number is not valid).",
            await harness.ScalarAsync("SELECT LastError FROM Outbox WHERE LastError IS NOT NULL"));
    }

    [Fact]
    public async Task The_number_and_text_reach_neither_the_database_files_nor_the_log_when_twilio_refuses_and_reports_failures()
    {
        var logs = new CapturedLogs();
        await using var harness = await TwilioHarness.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        harness.Twilio.RejectNext(21211, "The 'To' number {To} is not a valid phone number.");
        harness.Twilio.FailNext(1, 500);
        await harness.TextAsync(CanaryPhone, CanaryText);
        await harness.DispatchAllAsync();
        await harness.TextAsync(CanaryPhone, CanaryText + " again");
        await harness.DispatchAllAsync();
        foreach (var reply in harness.Twilio.Created)
        {
            var callback = TwilioHarness.StatusFields(CanaryPhone, reply.Sid, "undelivered");
            callback["ErrorCode"] = "30003";
            callback["ErrorMessage"] = $"Unreachable destination handset {CanaryPhone}";
            await harness.PostSignedAsync("/twilio/status", callback);
        }

        var files = Directory.GetFiles(harness.App.Folder, "hotline.db*").Select(File.ReadAllBytes).ToList();
        string[] canaries = [CanaryPhone, CanaryPhone[1..], CanaryPhone[4..], CanaryText];
        var inFiles = canaries.Where(c => files.Any(bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(c)) >= 0)).ToList();
        var inLog = logs.Lines.Where(line => canaries.Any(c => line.Contains(c, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(logs.Lines);
        Assert.True(inFiles.Count == 0, $"In the database files: {string.Join(", ", inFiles)}");
        Assert.True(inLog.Count == 0, $"In the log: {string.Join(Environment.NewLine, inLog)}");
    }
}
