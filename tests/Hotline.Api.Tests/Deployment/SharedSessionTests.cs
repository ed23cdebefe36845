namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// Two API instances as Compose runs them, on one database: a caseworker signed in through one must stay
/// signed in when nginx sends them to the other (their own instance down, or replaced by an upgrade).
/// Each process has its own home here, as each container has, and no folder is shared: the key ring is in the database.
/// </summary>
[Collection(PublishedImageCollection.Name)]
public sealed class SharedSessionTests(PublishedImage image) : IDisposable
{
    private readonly string _folder = PublishedImage.WorldReadableTemporaryFolder("hotline-instances-");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_session_from_one_instance_is_accepted_by_another_on_the_same_database()
    {
        var environment = WithoutSecondFactor(ComposeLikeEnvironment.For(image, _folder));

        Assert.Equal(HttpStatusCode.OK, await SessionOnSecondInstanceAsync(environment, environment));
    }

    private async Task<HttpStatusCode> SessionOnSecondInstanceAsync(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        await AddCaseworkerAsync(first);
        await using var one = await PublishedApp.StartAsync(image, image.App, first);
        var cookies = new ProxiedBrowserCookies(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var browser = new HttpClient(cookies) { BaseAddress = one.Address };
        var signIn = await SignedInClient.PostSignInAsync(browser, "amal", SignedInClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = cookies["__Host-hotline.session"];

        await using var two = await PublishedApp.StartAsync(image, image.App, second);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(two.Address, "/api/session"));
        request.Headers.Add("Cookie", $"__Host-hotline.session={session}");
        using var client = new HttpClient();
        return (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
    }

    /// <summary>
    /// The session cookie is what instances must share; two-factor sign-in (required outside Development) would
    /// stop at its half-signed-in step, so these instances sign in with the password alone.
    /// </summary>
    private static Dictionary<string, string> WithoutSecondFactor(IReadOnlyDictionary<string, string> environment) =>
        new(environment) { ["Hotline__Auth__RequireTwoFactor"] = "false" };

    /// <summary>The operator's command, as infra/README.md runs it in a container.</summary>
    private async Task AddCaseworkerAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = PublishedApp.StartInfo(image, image.App, environment, [.. image.Runtime.Entrypoint, "users", "add", "amal", "--role", "caseworker", "--languages", "en"]);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(SignedInClient.Password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await output + await error);
    }
}
