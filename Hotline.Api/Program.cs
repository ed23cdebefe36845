var builder = WebApplication.CreateBuilder(HostFolders.For(args));
builder.AddSecretFiles();
builder.AddDevelopmentSecrets();
builder.Services.AddHotline(builder.Configuration);

var app = builder.Build();
app.MapHotline();

return await app.RunHotlineAsync(args);

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
