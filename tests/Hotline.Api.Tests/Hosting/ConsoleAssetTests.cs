using System.Runtime.CompilerServices;

namespace Hotline.Api.Tests.Hosting;

/// <summary>
/// The console's files come from the build's static-asset manifest (MapStaticAssets): a browser revalidates
/// a plain name every time against its ETag, so after a deploy it never runs yesterday's script.
/// </summary>
public sealed class ConsoleAssetTests
{
    [Fact]
    public async Task A_console_script_carries_an_etag_and_must_be_revalidated_before_it_is_reused()
    {
        await using var app = new HotlineApp();

        var response = await app.CreateClient().GetAsync("/console/js/console.js", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_hosts_own_address_takes_the_browser_to_the_console()
    {
        await using var app = new HotlineApp();

        var response = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_console_script_the_browser_already_has_is_answered_not_modified()
    {
        await using var app = new HotlineApp();
        var client = app.CreateClient();
        var first = await client.GetAsync("/console/js/console.js", Ct);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/js/console.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_console_script_goes_compressed_to_a_browser_that_accepts_gzip()
    {
        await using var app = new HotlineApp();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/js/console.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await app.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    /// <summary>
    /// A file whose name begins with the base path's name lost its folder in the build's manifest ("console.css" was routed
    /// at "/console.css"), and Development served it through a fallback that warned at every request that a published
    /// build would not have it.
    /// </summary>
    [Fact]
    public void Every_file_of_the_console_is_routed_under_console_in_the_builds_manifest()
    {
        var routes = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hotline.Api.staticwebassets.endpoints.json")))
            .RootElement.GetProperty("Endpoints").EnumerateArray().Select(e => e.GetProperty("Route").GetString()).ToHashSet(StringComparer.Ordinal);
        var root = ConsoleFolder();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => "console/" + Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("console/index.html", files);
        Assert.All(files, file => Assert.Contains(file, routes));
    }

    [Fact]
    public async Task The_console_folder_still_opens_its_index_page()
    {
        await using var app = new HotlineApp();
        var amina = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));

        var response = await amina.Http.GetAsync("/console/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<script src=\"js/console.js\" type=\"module\"></script>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
    }

    /// <summary>Without a session the page is not served: its script's 401 was logged in the browser (Auth/SignedInPages.cs).</summary>
    [Fact]
    public async Task The_console_folder_sends_a_browser_without_a_session_to_the_sign_in_page()
    {
        await using var app = new HotlineApp();

        var response = await SignedInClient.NewBrowser(app).GetAsync("/console/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/signin.html", response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// Every page of the console folder is either a step of signing in or sent, without a session, to the sign-in form before
    /// its script runs: SignedInPages names its pages one by one, so a new page left out of its list would be served signed out
    /// and log its script's 401 again. This lists the folder, so such a page fails here.
    /// </summary>
    [Fact]
    public async Task Every_console_page_but_the_sign_in_steps_sends_a_browser_without_a_session_to_the_sign_in_form()
    {
        string[] signInSteps = ["signin.html", "choose-password.html", "enrol.html", "two-factor.html", "two-factor-off.html"];
        await using var app = new HotlineApp();
        var browser = SignedInClient.NewBrowser(app);
        var pages = Directory.GetFiles(ConsoleFolder(), "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        var servedSignedOut = new List<string>();
        foreach (var page in pages.Except(signInSteps))
        {
            var response = await browser.GetAsync($"/console/{page}", Ct);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/console/signin.html")
            {
                servedSignedOut.Add($"{page}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(servedSignedOut);
        Assert.Equal(16, pages.Count);
    }

    private static string ConsoleFolder([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "Hotline.Console", "wwwroot"));
}
