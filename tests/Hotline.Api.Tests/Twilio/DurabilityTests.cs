namespace Hotline.Api.Tests.Twilio;

public sealed class DurabilityTests
{
    [Fact]
    public async Task An_acknowledged_message_survives_the_process_being_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("hotline-kill-").FullName;
        try
        {
            const string authToken = "durability-token";
            var environment = TestKeys.AsConfiguration().ToDictionary(k => k.Key.Replace(":", "__", StringComparison.Ordinal), k => k.Value!);
            environment["Hotline__PublicBaseUrl"] = TwilioHarness.PublicBaseUrl;
            environment["Twilio__AuthToken"] = authToken;
            await using var api = await ApiProcess.StartAsync(environment, folder);
            var fields = TwilioHarness.InboundFields("+9779800000808", "acknowledged, then the power went");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.Address, "/twilio/sms")) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("X-Twilio-Signature", TwilioHarness.Sign(authToken, TwilioHarness.PublicBaseUrl + "/twilio/sms", fields));
            using var client = new HttpClient();

            var response = await client.SendAsync(request, ct);
            await api.KillAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var connection = new SqliteConnection($"Data Source={api.DatabaseFile};Pooling=False");
            await connection.OpenAsync(ct);
            Assert.Equal(1, await connection.ExecuteScalarCountAsync($"SELECT COUNT(*) FROM Messages WHERE ChannelMessageId = '{fields["MessageSid"]}'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
