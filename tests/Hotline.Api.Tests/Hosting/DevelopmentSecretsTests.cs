using Hotline.Api.Hosting;

namespace Hotline.Api.Tests.Hosting;

/// <summary>A fresh clone's Development secrets, made on the first start and kept in App_Data for every later one.</summary>
public sealed class DevelopmentSecretsTests
{
    [Fact]
    public void Hosts_starting_at_once_on_a_fresh_clone_all_take_the_same_secrets_and_the_file_holds_them()
    {
        // Twenty fresh clones, eight hosts starting on each at the same moment, as the test suite's hosts do.
        for (var round = 0; round < 20; round++)
        {
            var root = Directory.CreateTempSubdirectory("hotline-dev-secrets-").FullName;
            try
            {
                using var together = new Barrier(8);
                var keys = new string?[8];
                var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
                var hosts = Enumerable.Range(0, 8).Select(host => new Thread(() =>
                {
                    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
                    {
                        EnvironmentName = Environments.Development,
                        ContentRootPath = root,
                        DisableDefaults = true,
                    });
                    together.SignalAndWait();
                    try
                    {
                        builder.AddDevelopmentSecrets();
                        keys[host] = builder.Configuration["Hotline:Audit:Key"];
                    }
                    catch (Exception failure)
                    {
                        // A thread's exception would end the test process: the start's failure is kept for the assertion.
                        failures.Enqueue(failure);
                    }
                })).ToList();
                hosts.ForEach(thread => thread.Start());
                hosts.ForEach(thread => thread.Join());

                Assert.Empty(failures);
                var kept = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "App_Data", "development-secrets.json")))!;
                Assert.All(keys, key => Assert.Equal(kept["Hotline:Audit:Key"], key));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
