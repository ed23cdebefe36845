namespace Hotline.Api.Tests.SimCards;

public sealed class SimIntakeTests
{
    private const string Csv = "phone_number,language,issued_on,programme\n+9779801234567,ne,2026-03-01,Doha arrivals\n";

    [Theory, DatabaseData]
    public async Task A_message_from_a_registered_number_is_answered_in_its_language_without_the_menu(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var admin = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "root", UserRole.Admin, "en"));
        await admin.Http.PostAsync("/api/admin/sims", new StringContent(Csv, Encoding.UTF8, "text/csv"), Ct);

        await harness.TextAsync("+9779801234567", "hi");

        Assert.Equal("ne", await harness.ScalarAsync("SELECT Language FROM Conversations"));
    }

    [Theory, DatabaseData]
    public async Task Only_an_admin_may_import_sims(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var response = await worker.Http.PostAsync("/api/admin/sims", new StringContent(Csv, Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task The_admin_api_reports_bad_rows_with_their_line_numbers(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "root", UserRole.Admin, "en"));

        var response = await admin.Http.PostAsync("/api/admin/sims", new StringContent(Csv + "junk,ne,2026-03-01,x\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"line\":3", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory, DatabaseData]
    public async Task The_command_line_imports_a_file_and_reports_rejected_lines(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var file = Path.Combine(app.Folder, "sims.csv");
        await File.WriteAllTextAsync(file, Csv + "junk,ne,2026-03-01,x\n", Ct);
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["sims", "import", file], new StringReader(""), output, Ct);

        Assert.Equal(1, exit);
        Assert.Equal(["Imported 1 SIM(s); rejected 1.", "  line 3: the phone number does not parse"],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    /// <summary>
    /// A review: the import took a file only, and the deployment's guide copied the plaintext list of numbers into the
    /// container's /tmp to import it. <c>sims import -</c> reads the CSV from standard input; no file is written.
    /// </summary>
    [Theory, DatabaseData]
    public async Task The_command_line_imports_the_csv_from_standard_input(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["sims", "import", "-"], new StringReader(Csv + "junk,ne,2026-03-01,x\n"), output, Ct);

        Assert.Equal(1, exit);
        Assert.Equal(["Imported 1 SIM(s); rejected 1.", "  line 3: the phone number does not parse"],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        await using var session = await app.Database.OpenAsync(Ct);
        Assert.Equal("ne", await app.Get<Hotline.Api.SimCards.SimRegistry>().FindLanguageAsync(session, new ChannelAddress(Channel.Sms, "+9779801234567"), Ct));
    }

    [Theory, DatabaseData]
    public async Task Standard_input_that_was_not_utf8_is_refused_whole_as_such_a_file_is(DatabaseProvider engine)
    {
        await using var app = await HotlineApp.CreateAsync(engine);
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["sims", "import", "-"], new StringReader(Csv + "+9779801234568,ne,2026-03-01,Doha \uFFFD\n"), output, Ct);

        Assert.Equal(2, exit);
        Assert.Equal($"Nothing imported: The file is not UTF-8 (an invalid byte at offset {Csv.Length + 34}); save it as UTF-8 and import again.",
            output.ToString().Trim());
    }
}
