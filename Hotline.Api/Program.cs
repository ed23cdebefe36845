using Hotline.Api.Hosting;
using Hotline.Api.Privacy;

var builder = WebApplication.CreateBuilder(args);
builder.AddDevelopmentPrivacyKeys();
builder.Services.AddHotline();

var app = builder.Build();
app.MapHotline();

return await app.RunHotlineAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
