namespace Hotline.Api.Tests.Media;

/// <summary>A case's photo served by the host: the stripped copy to whoever may see the case, the original to supervisors only; never cached; every read audited.</summary>
public sealed class MediaEndpointTests
{
    [Fact]
    public async Task The_copy_shown_is_a_jpeg_without_metadata_that_is_never_cached()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var (caseId, mediaId) = await KeptPhotoAsync(harness);
        var caseworker = await SignInAsync(harness, "amira", UserRole.Caseworker);

        using var response = await caseworker.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Empty(StrippedPhoto.MetadataBlocks(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Viewing_a_photo_is_in_the_audit_trail()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var (caseId, mediaId) = await KeptPhotoAsync(harness);
        var caseworker = await SignInAsync(harness, "amira", UserRole.Caseworker);

        (await caseworker.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Equal(1, await harness.CountAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'media.viewed' AND Subject = '{mediaId}' AND Outcome = 'succeeded'"));
    }

    [Fact]
    public async Task A_supervisor_downloads_the_original_byte_for_byte_and_it_is_audited()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var photo = TestPhotos.WithGps();
        var (caseId, mediaId) = await KeptPhotoAsync(harness, photo);
        var supervisor = await SignInAsync(harness, "sam", UserRole.Supervisor);

        using var response = await supervisor.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}/original", TestContext.Current.CancellationToken);

        Assert.Equal(photo, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(1, await harness.CountAsync(
            $"SELECT COUNT(*) FROM AuditEntries WHERE Action = 'media.original-downloaded' AND Subject = '{mediaId}'"));
    }

    [Fact]
    public async Task A_caseworker_may_not_download_the_original()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var (caseId, mediaId) = await KeptPhotoAsync(harness);
        var caseworker = await SignInAsync(harness, "amira", UserRole.Caseworker);

        using var response = await caseworker.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}/original", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_partners_account_sees_no_photo()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var (caseId, mediaId) = await KeptPhotoAsync(harness);
        var partner = await SignInAsync(harness, "shelter", UserRole.Ngo);

        using var response = await partner.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_photo_of_another_case_is_not_found_through_this_one()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var (_, mediaId) = await KeptPhotoAsync(harness);
        await harness.TextAsync("+9779800000888", "hello", "0");
        var otherCase = await harness.ScalarAsync("SELECT Id FROM Cases WHERE Id NOT IN (SELECT CaseId FROM Messages WHERE Id IN (SELECT MessageId FROM MediaItems))");
        var supervisor = await SignInAsync(harness, "sam", UserRole.Supervisor);

        using var response = await supervisor.Http.GetAsync($"/api/cases/{otherCase}/media/{mediaId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_photo_of_the_persons_newer_case_is_not_found_through_a_closed_case_the_caller_may_read(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(MediaWebhooks.Worker, "hello", "0");
        var closed = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        await CloseAsync(harness, closed);
        // Ravi now works in Arabic only: he may read the English case he held and closed, not the person's next one, which he does not hold.
        var arabicOnly = await harness.App.Get<UserAccounts>().SetRoleAndLanguagesAsync("ravi", null, ["ar"], AuditSource.Operator, Ct);
        var ravi = await SignedInClient.SignInAsync(harness.App, arabicOnly.Value!);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg");
        await harness.App.FetchMediaAsync();
        var newer = await harness.ScalarAsync("SELECT CaseId FROM Messages WHERE Id = (SELECT MessageId FROM MediaItems)");
        var mediaId = await harness.ScalarAsync("SELECT Id FROM MediaItems WHERE Status = 'Kept'");

        using var throughNewer = await ravi.Http.GetAsync($"/api/cases/{newer}/media/{mediaId}", Ct);
        using var throughClosed = await ravi.Http.GetAsync($"/api/cases/{closed}/media/{mediaId}", Ct);

        Assert.NotEqual(closed.ToString(), newer);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (throughNewer.StatusCode, throughClosed.StatusCode));
    }

    [Theory, DatabaseData]
    public async Task A_photo_sent_before_the_case_opened_is_served_through_the_case_whose_transcript_shows_it(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await MediaWebhooks.SendAsync(harness, TestPhotos.WithGps(), "image/jpeg", text: "hello");
        await harness.TextAsync(MediaWebhooks.Worker, "0");
        await harness.App.FetchMediaAsync();
        var caseId = await harness.ScalarAsync("SELECT Id FROM Cases");
        var mediaId = await harness.ScalarAsync("SELECT Id FROM MediaItems WHERE Status = 'Kept'");
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Id = (SELECT MessageId FROM MediaItems) AND CaseId IS NULL"));
        var supervisor = await SignInAsync(harness, "sam", UserRole.Supervisor);

        using var response = await supervisor.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_photo_is_not_served_once_retention_has_emptied_its_closed_case()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var (caseId, mediaId) = await KeptPhotoAsync(harness);
        await CloseAsync(harness, Guid.Parse(caseId));
        var retention = harness.App.Get<IOptions<RetentionOptions>>().Value.ClosedCaseContentDays;
        await Retention.RetentionSeeds.RawAsync(harness.App, "UPDATE Cases SET ClosedAt = @At WHERE Id = @Id",
            new { At = DateTimeOffset.UtcNow.AddDays(-retention), Id = Guid.Parse(caseId) });
        await harness.App.Get<RetentionSweep>().SweepAsync(TestContext.Current.CancellationToken);
        var supervisor = await SignInAsync(harness, "sam", UserRole.Supervisor);

        using var shown = await supervisor.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}", TestContext.Current.CancellationToken);
        using var original = await supervisor.Http.GetAsync($"/api/cases/{caseId}/media/{mediaId}/original", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (shown.StatusCode, original.StatusCode));
    }

    /// <summary>A caseworker, ravi, takes the case and closes it as resolved.</summary>
    private static async Task CloseAsync(TwilioHarness harness, Guid caseId)
    {
        var worker = await SignedInClient.AddUserAsync(harness.App, "ravi", UserRole.Caseworker, "en");
        var lease = await harness.App.Get<CaseQueue>().ClaimAsync(caseId, worker.Id, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("The case was not claimed.");
        Assert.True((await harness.App.Get<CaseActions>().CloseAsync(worker, caseId, lease.LeaseToken, "resolved", null,
            TestContext.Current.CancellationToken)).Value);
    }

    /// <summary>The person asks for someone, then sends a photo; the media job keeps it. The case's id and the photo's.</summary>
    private static async Task<(string CaseId, string MediaId)> KeptPhotoAsync(TwilioHarness harness, byte[]? photo = null)
    {
        await harness.TextAsync(MediaWebhooks.Worker, "hello", "0");
        await MediaWebhooks.SendAsync(harness, photo ?? TestPhotos.WithGps(), "image/jpeg");
        await harness.App.FetchMediaAsync();
        var caseId = (await harness.ScalarAsync("SELECT CaseId FROM Messages WHERE Id = (SELECT MessageId FROM MediaItems)"))!;
        return (caseId, (await harness.ScalarAsync("SELECT Id FROM MediaItems WHERE Status = 'Kept'"))!);
    }

    private static async Task<SignedInClient> SignInAsync(TwilioHarness harness, string name, UserRole role) =>
        await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, name, role, "en"));
}
